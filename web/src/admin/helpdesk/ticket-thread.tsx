import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import type { AdminMessage, AdminTicketDetail, MessageSource } from "../../api/helpdesk-types";
import { useFormatters } from "../../app/formatting";
import { MessageBody } from "../../app/message-body";
import { type HelpdeskT, useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { originalEmailUrl } from "./inbound-api";

type Entry =
  | { kind: "message"; at: string; message: AdminMessage }
  | { kind: "event"; at: string; event: AdminTicketDetail["events"][number] };

function eventValue(
  kind: string,
  value: string | null,
  th: HelpdeskT,
  reasonLabel: (code: string) => string,
) {
  if (value === null) return th(kind === "referral" ? "admin.ticket.noReferral" : "admin.unassigned");
  if (kind === "status") return th(`status.${value as "open"}`);
  if (kind === "priority") return th(`priority.${value as "low"}`);
  if (kind === "contact_reason") return reasonLabel(value);
  return value;
}

/** The conversation and its history in time order; notes stand out as staff-only. */
export function TicketThread({
  ticket,
  reasonLabel,
}: {
  ticket: AdminTicketDetail;
  reasonLabel: (code: string) => string;
}) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const entries: Entry[] = [
    ...ticket.messages.map((message) => ({ kind: "message" as const, at: message.createdAt, message })),
    ...ticket.events.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === "message" ? -1 : 1));

  return (
    <Stack
      gap="sm"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={th("admin.ticket.thread")}
    >
      {entries.map((entry) =>
        entry.kind === "event" ? (
          <Text component="li" key={`e${entry.event.id}`} size="xs" c="dimmed" ta="center">
            {th(`admin.ticket.event.${entry.event.kind}`, {
              actor: entry.event.actor.name ?? th("admin.ticket.system"),
              from: eventValue(entry.event.kind, entry.event.from, th, reasonLabel),
              to: eventValue(entry.event.kind, entry.event.to, th, reasonLabel),
            })}{" "}
            · {format.dateTime(entry.at)}
          </Text>
        ) : (
          <li key={entry.message.id}>
            <MessageCard message={entry.message} />
          </li>
        ),
      )}
    </Stack>
  );
}

function MessageCard({ message }: { message: AdminMessage }) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const isNote = message.isInternal;
  const label = isNote ? th("admin.ticket.internalNote") : th(`admin.ticket.author.${message.authorKind}`);
  return (
    <Paper
      withBorder
      p="sm"
      bg={isNote ? "yellow.0" : message.authorKind === "staff" ? "blue.0" : undefined}
      aria-label={`${label}: ${message.author?.name ?? th("admin.ticket.system")}`}
    >
      <Group justify="space-between" gap="xs" mb={6}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {message.author?.name ?? th("admin.ticket.system")}
          </Text>
          <Badge
            size="xs"
            variant={isNote ? "filled" : "light"}
            color={isNote ? "yellow.8" : "gray"}
            tt="none"
          >
            {label}
          </Badge>
          <MessageSourceBadge source={message.source} />
        </Group>
        <Group gap="sm">
          {message.inboundEmailId ? <OriginalEmailLink inboundEmailId={message.inboundEmailId} /> : null}
          <Text size="xs" c="dimmed">
            {format.dateTime(message.createdAt)}
          </Text>
        </Group>
      </Group>
      <MessageBody html={message.html} />
    </Paper>
  );
}

/** Where the message came from: the portal, the agents' workspace, an e-mail or the system. */
function MessageSourceBadge({ source }: { source: MessageSource }) {
  const { th } = useHelpdeskTranslation();
  return (
    <Badge size="xs" variant="outline" color={source === "email" ? "teal" : "gray"} tt="none">
      <VisuallyHidden>{th("admin.ticket.sourcePrefix")} </VisuallyHidden>
      {th(`admin.ticket.source.${source}`)}
    </Badge>
  );
}

/** The e-mail exactly as received, as text in a new tab (the server forbids it to run anything). */
function OriginalEmailLink({ inboundEmailId }: { inboundEmailId: string }) {
  const { th } = useHelpdeskTranslation();
  return (
    <Anchor href={originalEmailUrl(inboundEmailId)} target="_blank" rel="noopener" size="xs">
      {th("admin.ticket.viewOriginal")}
      <VisuallyHidden> {th("admin.ticket.newTab")}</VisuallyHidden>
    </Anchor>
  );
}
