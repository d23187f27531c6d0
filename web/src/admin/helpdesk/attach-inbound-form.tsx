import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../app/api-error-message";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { listTickets } from "./helpdesk-api";
import { findParticipants, type InboundEmail } from "./inbound-api";

/** The e-mail's sender when known, or a referrer found by the search: who the message is from. */
type Participant = NonNullable<InboundEmail["participant"]>;

/** The server refuses a search shorter than this. */
const MIN_SEARCH_LENGTH = 2;

async function ticketsOf(participantId: string) {
  const page = await listTickets(new URLSearchParams({ participantId, limit: "50" }), null);
  return page.items;
}

type AttachInboundFormProps = {
  email: InboundEmail;
  isPending: boolean;
  error: unknown;
  onAttach: (choice: { participant: Participant; ticketId: string | null }) => void;
};

/** Whose message it is (found by name or e-mail), and which of their tickets it joins, if any. */
export function AttachInboundForm({ email, isPending, error, onAttach }: AttachInboundFormProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const ids = useId();
  const [draft, setDraft] = useState(email.outcome === "ambiguous_sender" ? (email.fromAddress ?? "") : "");
  const [query, setQuery] = useState(draft.trim());
  const [participantId, setParticipantId] = useState(email.participant?.id ?? "");
  const [ticketId, setTicketId] = useState("");
  const [isMissingParticipant, setMissingParticipant] = useState(false);
  const found = useQuery({
    queryKey: ["admin", "inbound", "participant-search", query],
    queryFn: () => (query.length < MIN_SEARCH_LENGTH ? [] : findParticipants(query)),
    enabled: query.length > 0,
  });
  const candidates = [
    ...(email.participant ? [email.participant] : []),
    ...(found.data ?? []).filter((person) => person.id !== email.participant?.id),
  ];
  const chosen = candidates.find((person) => person.id === participantId) ?? null;
  const tickets = useQuery({
    queryKey: ["admin", "inbound", "participant-tickets", participantId],
    queryFn: () => ticketsOf(participantId),
    enabled: chosen !== null,
  });

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery(draft.trim());
  }
  function attach() {
    if (!chosen) {
      setMissingParticipant(true);
      return;
    }
    onAttach({ participant: chosen, ticketId: ticketId || null });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={`${ids}-title`}>
      <Title order={3} size="h5" id={`${ids}-title`}>
        {th("admin.quarantine.attach.title")}
      </Title>
      <form onSubmit={search}>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={th("admin.quarantine.attach.search")}
            description={th("admin.quarantine.attach.searchHint")}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            type="search"
          />
          <Button type="submit" variant="default" loading={found.isFetching}>
            {th("admin.quarantine.attach.searchButton")}
          </Button>
        </Group>
      </form>
      {found.isError ? <Alert color="red">{apiErrorMessage(found.error, t)}</Alert> : null}
      {query && found.isSuccess && candidates.length === 0 ? (
        <Text size="sm" role="status">
          {th("admin.quarantine.attach.noMatch")}
        </Text>
      ) : null}
      {candidates.length > 0 ? (
        <Radio.Group
          label={th("admin.quarantine.attach.participants")}
          value={participantId}
          onChange={(value) => {
            setParticipantId(value);
            setTicketId("");
            setMissingParticipant(false);
          }}
          error={isMissingParticipant ? th("admin.quarantine.attach.required") : undefined}
        >
          <Stack gap={6} mt={6}>
            {candidates.map((person) => (
              <Radio key={person.id} value={person.id} label={`${person.name} · ${person.email}`} />
            ))}
          </Stack>
        </Radio.Group>
      ) : isMissingParticipant ? (
        <Text size="sm" c="red" role="alert">
          {th("admin.quarantine.attach.required")}
        </Text>
      ) : null}
      {chosen ? (
        <NativeSelect
          label={th("admin.quarantine.attach.ticket")}
          description={th("admin.quarantine.attach.ticketHint")}
          value={ticketId}
          onChange={(event) => setTicketId(event.currentTarget.value)}
          disabled={tickets.isPending}
          data={[
            { value: "", label: th("admin.quarantine.attach.newTicket") },
            ...(tickets.data ?? []).map((ticket) => ({
              value: ticket.id,
              label: th("admin.quarantine.attach.ticketOption", {
                number: ticket.number,
                subject: ticket.subject,
                status: th(`status.${ticket.status}`),
              }),
            })),
          ]}
        />
      ) : null}
      {error ? <Alert color="red">{apiErrorMessage(error, t)}</Alert> : null}
      <Button onClick={attach} loading={isPending} style={{ alignSelf: "flex-start" }}>
        {th("admin.quarantine.attach.submit")}
      </Button>
    </Stack>
  );
}
