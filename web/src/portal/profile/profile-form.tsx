import { Alert, Button, Fieldset, Group, Radio, Stack, Switch, TextInput } from "@mantine/core";
import { isPlausiblePhone, maskPhone, phoneForInput } from "@shared/phone-input";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import { isLanguage, type Language } from "../../i18n/language";
import type { PortalProfile, ProfileUpdate } from "./portal-profile-api";

type Draft = {
  name: string;
  phone: string;
  locale: Language;
  wantsMonthlyDigest: boolean;
  wantsStatusEmails: boolean;
};
type Problem = "nameRequired" | "phoneInvalid";

function draftOf(profile: PortalProfile): Draft {
  return {
    name: profile.name,
    phone: phoneForInput(profile.phone),
    locale: profile.locale,
    wantsMonthlyDigest: profile.wantsMonthlyDigest,
    wantsStatusEmails: profile.wantsStatusEmails,
  };
}

type ProfileFormProps = {
  profile: PortalProfile;
  isPending: boolean;
  error: unknown;
  onSubmit: (update: ProfileUpdate) => void;
};

/** Name, phone/WhatsApp, language and e-mail preferences; the e-mail is shown but cannot change here. */
export function ProfileForm({ profile, isPending, error, onSubmit }: ProfileFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [problems, setProblems] = useState<Partial<Record<"name" | "phone", Problem>>>({});
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  useEffect(() => {
    if (isApiError(error) && error.status === 422) focusFirstInvalid(form.current);
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof problems = {};
    if (draft.name.trim().length < 2) found.name = "nameRequired";
    if (draft.phone.trim() && !isPlausiblePhone(draft.phone)) found.phone = "phoneInvalid";
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    // An empty phone clears it (the server stores null).
    onSubmit({ ...draft, name: draft.name.trim(), phone: draft.phone.trim() });
  }

  const errorOf = (field: "name" | "phone") => {
    const problem = problems[field];
    if (problem) return t(`portal.profile.form.${problem}`);
    return hasFieldError(error, field)
      ? t(`portal.profile.form.${field === "name" ? "nameRequired" : "phoneInvalid"}`)
      : undefined;
  };
  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        {error && !isFieldError ? <Alert color="red">{apiErrorMessage(error, t)}</Alert> : null}
        <Fieldset legend={t("portal.profile.form.aboutYou")}>
          <Stack gap="sm">
            <TextInput
              label={t("portal.profile.form.name")}
              autoComplete="name"
              maxLength={120}
              withAsterisk
              value={draft.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={errorOf("name")}
              errorProps={{ role: "alert" }}
            />
            <TextInput
              label={t("portal.profile.form.email")}
              description={t("portal.profile.form.emailHint")}
              type="email"
              value={profile.email}
              readOnly
              variant="filled"
            />
            <TextInput
              label={t("portal.profile.form.phone")}
              description={t("portal.profile.form.phoneHint")}
              type="tel"
              autoComplete="tel"
              value={draft.phone}
              onChange={(event) => set({ phone: maskPhone(event.currentTarget.value) })}
              error={errorOf("phone")}
              errorProps={{ role: "alert" }}
            />
          </Stack>
        </Fieldset>
        <Radio.Group
          label={t("portal.profile.form.language")}
          description={t("portal.profile.form.languageHint")}
          value={draft.locale}
          onChange={(value) => (isLanguage(value) ? set({ locale: value }) : undefined)}
        >
          <Group gap="lg" mt="xs">
            <Radio value="pt-BR" label={t("common.languageNames.ptBR")} lang="pt-BR" />
            <Radio value="en" label={t("common.languageNames.en")} lang="en" />
          </Group>
        </Radio.Group>
        <Fieldset legend={t("portal.profile.form.emails")}>
          <Stack gap="sm">
            <Switch
              label={t("portal.profile.form.wantsStatusEmails")}
              description={t("portal.profile.form.wantsStatusEmailsHint")}
              checked={draft.wantsStatusEmails}
              onChange={(event) => set({ wantsStatusEmails: event.currentTarget.checked })}
            />
            <Switch
              label={t("portal.profile.form.wantsMonthlyDigest")}
              description={t("portal.profile.form.wantsMonthlyDigestHint")}
              checked={draft.wantsMonthlyDigest}
              onChange={(event) => set({ wantsMonthlyDigest: event.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={isPending}>
            {t("portal.profile.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
