import { Alert, Button, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { requestSignInLink } from "../api/portal-api";
import type { PublicProgram } from "../api/public-api";
import { apiErrorMessage, hasFieldError } from "../app/api-error-message";
import { type EmailProblem, emailProblem } from "../app/email-address";

type SignInLinkFormProps = {
  /** The program when it is already known; otherwise `programs` to pick from. */
  programSlug?: string;
  programs?: PublicProgram[];
  onSent: () => void;
  /** The portal page the referrer was on before being asked to sign in. */
  next?: string;
};

/** E-mail (and program, when there are several) → asks the server to e-mail a single-use link. */
export function SignInLinkForm({ programSlug, programs, onSent, next }: SignInLinkFormProps) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState("");
  const [pickedSlug, setPickedSlug] = useState("");
  const [problems, setProblems] = useState<{ email?: EmailProblem; program?: "programRequired" }>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const programSelect = useRef<HTMLSelectElement>(null);
  const request = useMutation({ mutationFn: requestSignInLink, onSuccess: onSent });
  const slug = programSlug ?? pickedSlug;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { program: slug ? undefined : ("programRequired" as const), email: emailProblem(email) };
    setProblems(found);
    if (found.program || found.email) {
      (found.program ? programSelect : emailInput).current?.focus();
      return;
    }
    request.mutate({ programSlug: slug, email: email.trim(), locale: i18n.resolvedLanguage, next });
  }

  const emailError = problems.email
    ? t(`validation.${problems.email}`)
    : hasFieldError(request.error, "email") && t("validation.emailInvalid");

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {request.isError ? <Alert color="red">{apiErrorMessage(request.error, t)}</Alert> : null}
        {programs ? (
          <NativeSelect
            ref={programSelect}
            label={t("portal.login.program")}
            value={pickedSlug}
            onChange={(event) => setPickedSlug(event.currentTarget.value)}
            data={[
              { value: "", label: t("portal.login.programPlaceholder"), disabled: true },
              ...programs.map((program) => ({ value: program.slug, label: program.name })),
            ]}
            error={problems.program ? t("validation.programRequired") : undefined}
            errorProps={{ role: "alert" }}
            withAsterisk
          />
        ) : null}
        <TextInput
          ref={emailInput}
          label={t("portal.login.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={emailError || undefined}
          errorProps={{ role: "alert" }}
          withAsterisk
        />
        <Button type="submit" loading={request.isPending} fullWidth>
          {t("portal.login.submit")}
        </Button>
      </Stack>
    </form>
  );
}
