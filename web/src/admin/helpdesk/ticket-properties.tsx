import { Button, Card, NativeSelect, Stack, Text, Title } from "@mantine/core";
import {
  type TicketPriority,
  type TicketStatus,
  ticketPriorities,
  ticketStatuses,
} from "@shared/ticket-codes";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminTicketDetail } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useLocalizedText } from "../../app/localized-text";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { HelpdeskOptions, TicketPatch } from "./helpdesk-api";
import { useUpdateTicket } from "./ticket-mutations";

const NOBODY = "";

type Draft = {
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string;
  contactReason: string;
  referralId: string;
};

const draftOf = (ticket: AdminTicketDetail): Draft => ({
  status: ticket.status,
  priority: ticket.priority,
  assigneeId: ticket.assignee?.id ?? NOBODY,
  contactReason: ticket.contactReason ?? "",
  referralId: ticket.referralId ?? NOBODY,
});

/**
 * Status, priority, assignee, reason and the referral it is about, saved together with one button
 * (seed: "clicar em salvar"). The referrals offered are the participant's (their card's list).
 */
export function TicketProperties({
  ticket,
  options,
  csrfToken,
}: {
  ticket: AdminTicketDetail;
  options: HelpdeskOptions | undefined;
  csrfToken: string;
}) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const localized = useLocalizedText();
  const update = useUpdateTicket(ticket.id, csrfToken);
  const saved = draftOf(ticket);
  const [draft, setDraft] = useState(saved);
  const savedKey = JSON.stringify(saved);
  // A reload (after a save here, a reply with a status, or a change elsewhere) shows what is saved now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: savedKey stands for `saved`
  useEffect(() => setDraft(saved), [savedKey]);
  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    update.reset();
  };
  const reasons = options?.programs.find((p) => p.id === ticket.programId)?.contactReasons ?? [];
  const agents = options?.agents ?? [];
  const agentChoices =
    ticket.assignee && !agents.some((a) => a.id === ticket.assignee?.id)
      ? [ticket.assignee, ...agents]
      : agents;

  function changes(): TicketPatch {
    const patch: TicketPatch = {};
    if (draft.status !== saved.status) patch.status = draft.status;
    if (draft.priority !== saved.priority) patch.priority = draft.priority;
    if (draft.assigneeId !== saved.assigneeId) patch.assigneeId = draft.assigneeId || null;
    if (draft.contactReason && draft.contactReason !== saved.contactReason)
      patch.contactReason = draft.contactReason;
    if (draft.referralId !== saved.referralId) patch.referralId = draft.referralId || null;
    return patch;
  }
  const patch = changes();
  const isDirty = Object.keys(patch).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isDirty) update.mutate(patch);
  }

  return (
    <Card withBorder component="section" aria-labelledby="ticket-properties" padding="lg">
      <Title order={2} size="h4" id="ticket-properties" mb="sm">
        {th("admin.properties.title")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={th("admin.properties.status")}
            value={draft.status}
            onChange={(event) => set({ status: event.currentTarget.value as TicketStatus })}
            data={ticketStatuses.map((status) => ({ value: status, label: th(`status.${status}`) }))}
          />
          <NativeSelect
            label={th("admin.properties.priority")}
            value={draft.priority}
            onChange={(event) => set({ priority: event.currentTarget.value as TicketPriority })}
            data={[...ticketPriorities].reverse().map((p) => ({ value: p, label: th(`priority.${p}`) }))}
          />
          <NativeSelect
            label={th("admin.properties.assignee")}
            value={draft.assigneeId}
            onChange={(event) => set({ assigneeId: event.currentTarget.value })}
            data={[
              { value: NOBODY, label: th("admin.unassigned") },
              ...agentChoices.map((agent) => ({ value: agent.id, label: agent.name })),
            ]}
          />
          <NativeSelect
            label={th("admin.properties.contactReason")}
            value={draft.contactReason}
            onChange={(event) => set({ contactReason: event.currentTarget.value })}
            data={[
              ...(draft.contactReason ? [] : [{ value: "", label: "—" }]),
              ...reasons.map((reason) => ({ value: reason.code, label: localized(reason.label) })),
            ]}
          />
          <NativeSelect
            label={th("admin.properties.referral")}
            description={th("admin.properties.referralHint")}
            value={draft.referralId}
            onChange={(event) => set({ referralId: event.currentTarget.value })}
            data={[
              { value: NOBODY, label: th("admin.properties.noReferral") },
              ...referralChoices(ticket).map((referral) => ({
                value: referral.id,
                label: referral.companyName,
              })),
            ]}
          />
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            {th("admin.properties.save")}
          </Button>
          <div role="status">
            {update.isSuccess ? (
              <Text size="sm" c="green.8">
                {th("admin.properties.saved")}
              </Text>
            ) : null}
            {update.isError ? (
              <Text size="sm" c="red.8" role="alert">
                {apiErrorMessage(update.error, t)}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Card>
  );
}

/** The participant's referrals, with the linked one kept choosable should it be older than the card's list. */
function referralChoices(ticket: AdminTicketDetail): { id: string; companyName: string }[] {
  const own = ticket.participantCard.referrals;
  const linked = ticket.referral;
  return linked && !own.some((referral) => referral.id === linked.id) ? [linked, ...own] : own;
}
