import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { apiErrorMessage, hasFieldError } from "../app/api-error-message";
import { emailProblem } from "../app/email-address";
import { PublicFrame } from "../app/public-frame";
import { useSignInStaff } from "./admin-session";

type ClientProblems = { email?: "emailRequired" | "emailInvalid"; password?: "passwordRequired" };

function returnPathFrom(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state && typeof state.from === "string") {
    return state.from.startsWith("/admin") ? state.from : "/admin";
  }
  return "/admin";
}

// /admin/login – staff sign in with e-mail and password.
export function AdminLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useSignInStaff();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<ClientProblems>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: ClientProblems = {
      email: emailProblem(email),
      password: password ? undefined : "passwordRequired",
    };
    setProblems(found);
    if (found.email || found.password) {
      (found.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(returnPathFrom(location.state), { replace: true }) },
    );
  }

  const emailError = problems.email
    ? t(`validation.${problems.email}`)
    : hasFieldError(signIn.error, "email") && t("validation.emailInvalid");
  const passwordError = problems.password
    ? t("validation.passwordRequired")
    : hasFieldError(signIn.error, "password") && t("validation.fieldInvalid");

  return (
    <PublicFrame brand={t("common.productName")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t("admin.login.title")}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t("admin.login.subtitle")}
            </Text>
          </div>
          {signIn.isError ? <Alert color="red">{apiErrorMessage(signIn.error, t)}</Alert> : null}
          <TextInput
            ref={emailInput}
            label={t("admin.login.email")}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailError || undefined}
            errorProps={{ role: "alert" }}
            withAsterisk
          />
          <PasswordInput
            ref={passwordInput}
            label={t("admin.login.password")}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError || undefined}
            errorProps={{ role: "alert" }}
            withAsterisk
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t("admin.login.submit")}
          </Button>
        </Stack>
      </form>
    </PublicFrame>
  );
}
