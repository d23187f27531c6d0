import { Alert, Button, Card, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useLocalizedText } from "../../app/localized-text";
import { PageHeader, PageLink } from "../../app/page-header";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useSignedInReferrer } from "../portal-session";
import { getPortalHelpdeskOptions, type NewTicket, openTicket } from "./portal-helpdesk-api";

type Field = "subject" | "contactReason" | "message";

// /portal/helpdesk/new – "Solicitar atendimento": subject, reason, message and, optionally, a referral.
export function NewTicketPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const localized = useLocalizedText();
  const { csrfToken } = useSignedInReferrer();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const options = useQuery({ queryKey: helpdeskKeys.portalOptions, queryFn: getPortalHelpdeskOptions });
  const [draft, setDraft] = useState<NewTicket>({
    subject: searchParams.get("subject") ?? "",
    contactReason: "",
    message: "",
    referralId: searchParams.get("referralId") ?? "",
  });
  const [missing, setMissing] = useState<Field[]>([]);
  const refs = {
    subject: useRef<HTMLInputElement>(null),
    contactReason: useRef<HTMLSelectElement>(null),
    message: useRef<HTMLTextAreaElement>(null),
  };
  const send = useMutation({
    mutationFn: () => openTicket({ ...draft, referralId: draft.referralId || undefined }, csrfToken),
    onSuccess: async (ticket) => {
      await queryClient.invalidateQueries({ queryKey: helpdeskKeys.portal });
      await navigate(`/portal/helpdesk/${ticket.id}`, { state: { created: ticket.number } });
    },
  });
  const set = (patch: Partial<NewTicket>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = (["subject", "contactReason", "message"] as const).filter((field) => !draft[field]?.trim());
    setMissing(empty);
    if (empty.length > 0) {
      refs[empty[0]!].current?.focus();
      return;
    }
    send.mutate();
  }
  const errorOf = (field: Field) => {
    if (missing.includes(field)) return th(`portal.new.required.${field}`);
    if (isApiError(send.error) && send.error.fields[field]) return send.error.fields[field]?.join(" ");
    return undefined;
  };

  return (
    <Stack gap="lg" maw={720}>
      <PageLink to="/portal/helpdesk">{th("portal.ticket.back")}</PageLink>
      <PageHeader title={th("portal.new.title")} intro={th("portal.new.intro")} />
      {options.isError ? <Alert color="red">{th("portal.new.optionsFailed")}</Alert> : null}
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              ref={refs.subject}
              label={th("portal.new.subject")}
              value={draft.subject}
              onChange={(event) => set({ subject: event.currentTarget.value })}
              maxLength={150}
              required
              error={errorOf("subject")}
              errorProps={{ role: "alert" }}
            />
            <NativeSelect
              ref={refs.contactReason}
              label={th("portal.new.contactReason")}
              value={draft.contactReason}
              onChange={(event) => set({ contactReason: event.currentTarget.value })}
              required
              data={[
                { value: "", label: th("portal.new.contactReasonPlaceholder") },
                ...(options.data?.contactReasons ?? []).map((reason) => ({
                  value: reason.code,
                  label: localized(reason.label),
                })),
              ]}
              error={errorOf("contactReason")}
              errorProps={{ role: "alert" }}
            />
            {options.data && options.data.referrals.length > 0 ? (
              <NativeSelect
                label={th("portal.new.referral")}
                value={draft.referralId ?? ""}
                onChange={(event) => set({ referralId: event.currentTarget.value })}
                data={[
                  { value: "", label: th("portal.new.noReferral") },
                  ...options.data.referrals.map((referral) => ({
                    value: referral.id,
                    label: `${referral.companyName} — ${t(`referral.status.${referral.status as "in_progress"}`)}`,
                  })),
                ]}
              />
            ) : null}
            <Textarea
              ref={refs.message}
              label={th("portal.new.message")}
              description={th("portal.new.messageHint")}
              autosize
              minRows={5}
              value={draft.message}
              onChange={(event) => set({ message: event.currentTarget.value })}
              required
              error={errorOf("message")}
              errorProps={{ role: "alert" }}
            />
            {send.isError && !errorOf("subject") && !errorOf("message") && !errorOf("contactReason") ? (
              <Alert color="red" role="alert">
                {apiErrorMessage(send.error, t)}
              </Alert>
            ) : null}
            <Group gap="sm">
              <Button type="submit" loading={send.isPending}>
                {th("portal.new.submit")}
              </Button>
              <Button component={Link} to="/portal/helpdesk" variant="default">
                {t("common.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
