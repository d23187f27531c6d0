import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { maskCnpj } from "@shared/cnpj";
import { maskPhone } from "@shared/phone-input";
import { companySizes, contactDepartments } from "@shared/referral-codes";
import { type FormEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { todayIsoDate } from "../../app/formatting";
import type { ProgramForReferral, ReferralSubmission } from "./refer-api";
import { type ReferralDraft, submissionOf, type TextField } from "./referral-draft";
import { useReferralDraft } from "./use-referral-draft";

type ReferralFormProps = {
  initial: ReferralDraft;
  program: ProgramForReferral;
  isPending: boolean;
  /** The last submission's failure: field errors from the API are shown beside their inputs. */
  error: unknown;
  onSubmit: (submission: ReferralSubmission) => void;
  onCancel: () => void;
};

/** The landing page's referral form inside the portal: the referrer's part filled in from their profile. */
export function ReferralForm({ initial, program, isPending, error, onSubmit, onCancel }: ReferralFormProps) {
  const { t } = useTranslation();
  const { draft, change, leave, checkAll, messageOf, hasFieldErrors } = useReferralDraft(
    initial,
    program.minimumAge,
    error,
  );
  const form = useRef<HTMLFormElement>(null);

  // The dialog opens on a loader; once the form replaces it, the focus goes to its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus(), []);
  // A refusal from the server takes the focus to the first field it named.
  useEffect(() => {
    if (isApiError(error) && error.status === 422)
      requestAnimationFrame(() => focusFirstInvalid(form.current));
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submission = checkAll() ? submissionOf(draft) : null;
    if (submission) onSubmit(submission);
    else requestAnimationFrame(() => focusFirstInvalid(form.current));
  }

  const text = (field: TextField, mask?: (value: string) => string) => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      change(field, mask ? mask(event.currentTarget.value) : event.currentTarget.value),
    onBlur: () => leave(field),
    error: messageOf(field),
    errorProps: { role: "alert" },
  });
  const check = (field: "declaresContactAware" | "declaresNoPurchasedData" | "acceptTerms") => {
    const message = messageOf(field);
    return {
      label: t(`portal.refer.form.${field}`, { version: program.termsVersion }),
      checked: draft[field],
      onChange: (event: { currentTarget: { checked: boolean } }) =>
        change(field, event.currentTarget.checked),
      // Mantine's checkbox takes no errorProps and sets no aria-invalid: both by hand, as on the inputs.
      error: message ? <span role="alert">{message}</span> : undefined,
      "aria-invalid": message ? true : undefined,
    };
  };
  const options = <V extends string>(values: readonly V[], labelOf: (value: V) => string) => [
    { value: "", label: t("portal.refer.form.choose"), disabled: true },
    ...values.map((value) => ({ value, label: labelOf(value) })),
  ];
  const label = (field: TextField) => t(`portal.refer.form.${field}`);

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        {hasFieldErrors ? <Alert color="red">{t("portal.refer.form.checkFields")}</Alert> : null}
        <Fieldset legend={t("portal.refer.form.you")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={label("referrerName")}
              autoComplete="name"
              withAsterisk
              data-autofocus
              {...text("referrerName")}
            />
            <TextInput
              label={label("referrerEmail")}
              description={t("portal.refer.form.referrerEmailHint")}
              type="email"
              readOnly
              variant="filled"
              {...text("referrerEmail")}
            />
            <TextInput
              label={label("referrerPhone")}
              type="tel"
              autoComplete="tel"
              withAsterisk
              {...text("referrerPhone", maskPhone)}
            />
            <TextInput
              label={label("referrerBirthDate")}
              description={t("portal.refer.form.referrerBirthDateHint", { age: program.minimumAge })}
              type="date"
              max={todayIsoDate()}
              autoComplete="bday"
              withAsterisk
              {...text("referrerBirthDate")}
            />
            <NativeSelect
              label={label("referrerIsCustomer")}
              data={options(["true", "false"], (value) => t(value === "true" ? "common.yes" : "common.no"))}
              withAsterisk
              {...text("referrerIsCustomer")}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("portal.refer.form.company")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={label("companyName")} maxLength={200} withAsterisk {...text("companyName")} />
            <TextInput
              label={label("companyCnpj")}
              description={t("portal.refer.form.companyCnpjHint")}
              {...text("companyCnpj", maskCnpj)}
            />
            <NativeSelect
              label={label("companySize")}
              data={options(companySizes, (value) => t(`referral.companySize.${value}`))}
              withAsterisk
              {...text("companySize")}
            />
            <TextInput label={label("supportAgents")} inputMode="numeric" {...text("supportAgents")} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("portal.refer.form.contact")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={label("contactName")} maxLength={120} withAsterisk {...text("contactName")} />
            <TextInput label={label("contactRole")} maxLength={120} withAsterisk {...text("contactRole")} />
            <NativeSelect
              label={label("contactDepartment")}
              data={options(contactDepartments, (value) => t(`referral.department.${value}`))}
              withAsterisk
              {...text("contactDepartment")}
            />
            <TextInput label={label("contactEmail")} type="email" withAsterisk {...text("contactEmail")} />
            <TextInput
              label={label("contactPhone")}
              type="tel"
              withAsterisk
              {...text("contactPhone", maskPhone)}
            />
          </SimpleGrid>
          <Textarea label={label("notes")} mt="sm" autosize minRows={2} maxLength={2000} {...text("notes")} />
        </Fieldset>
        <Stack gap="sm">
          <Checkbox {...check("declaresContactAware")} />
          <Checkbox {...check("declaresNoPurchasedData")} />
          <Checkbox
            {...check("acceptTerms")}
            // Beside the label, not inside it: following the link must not tick the box.
            description={
              <Anchor
                href={`/p/${encodeURIComponent(program.slug)}`}
                target="_blank"
                rel="noopener"
                size="sm"
              >
                {t("portal.refer.form.readRules")}
              </Anchor>
            }
          />
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending}>
            {t("portal.refer.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
