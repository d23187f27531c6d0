import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { helpdeskKeys, type PortalTicketDetail } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFormatters } from "../../app/formatting";
import { LinkedReferralCard } from "../../app/linked-referral-card";
import { MessageBody } from "../../app/message-body";
import { PageLink } from "../../app/page-header";
import { TicketStatusBadge } from "../../app/ticket-status-badge";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useSignedInReferrer } from "../portal-session";
import { addMessage, getPortalTicket, markRead } from "./portal-helpdesk-api";

function createdNumber(state: unknown): number | null {
  return typeof state === "object" &&
    state !== null &&
    "created" in state &&
    typeof state.created === "number"
    ? state.created
    : null;
}

// /portal/helpdesk/:id – one ticket: the conversation, and a message box while it is open or pending.
export function PortalTicketPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { csrfToken } = useSignedInReferrer();
  const queryClient = useQueryClient();
  const ticket = useQuery({ queryKey: helpdeskKeys.portalTicket(id), queryFn: () => getPortalTicket(id) });
  const hasUnread = ticket.data?.hasUnread ?? false;
  // Seen once shown: the list's "new reply" mark goes; this page keeps its "new" marks until it reloads.
  useEffect(() => {
    if (!hasUnread) return;
    void markRead(id, csrfToken).then(() =>
      queryClient.invalidateQueries({ queryKey: ["portal", "helpdesk", "list"] }),
    );
  }, [id, hasUnread, csrfToken, queryClient]);
  const created = createdNumber(location.state);
  const backLink = <PageLink to="/portal/helpdesk">{th("portal.ticket.back")}</PageLink>;

  if (ticket.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (ticket.isError) {
    const isMissing = isApiError(ticket.error) && [404, 422].includes(ticket.error.status);
    return (
      <Stack gap="md" align="flex-start">
        {backLink}
        <Title order={1}>{isMissing ? th("portal.ticket.notFound") : th("portal.ticket.loadFailed")}</Title>
        {isMissing ? null : <Alert color="red">{apiErrorMessage(ticket.error, t)}</Alert>}
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={820}>
      {backLink}
      {created ? (
        <Alert color="green" role="status" title={th("portal.ticket.createdTitle")}>
          {th("portal.ticket.created", { number: created })}
        </Alert>
      ) : null}
      <div>
        <Group gap="xs" mb={4}>
          <Text c="dimmed" size="sm">
            #{ticket.data.number}
          </Text>
          <TicketStatusBadge status={ticket.data.status} />
        </Group>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {ticket.data.subject}
        </Title>
      </div>
      {ticket.data.referral ? (
        <LinkedReferralCard
          referral={ticket.data.referral}
          to={`/portal/referrals/${ticket.data.referral.id}`}
        />
      ) : null}
      <Thread ticket={ticket.data} />
      {ticket.data.canReply ? (
        <ReplyBox ticket={ticket.data} csrfToken={csrfToken} />
      ) : (
        <Locked ticket={ticket.data} />
      )}
    </Stack>
  );
}

function Thread({ ticket }: { ticket: PortalTicketDetail }) {
  const { th } = useHelpdeskTranslation();
  const format = useFormatters();
  const entries = [
    ...ticket.messages.map((message) => ({ at: message.createdAt, message, event: null })),
    ...ticket.events.map((event) => ({ at: event.createdAt, message: null, event })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.message ? -1 : 1));
  return (
    <Stack
      gap="sm"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={th("portal.ticket.thread")}
    >
      {entries.map(({ message, event, at }) =>
        event ? (
          <Text component="li" key={`e${event.id}`} size="xs" c="dimmed" ta="center">
            {th("portal.ticket.statusChanged", {
              status: th(`status.${event.to as "open"}`),
            })}{" "}
            · {format.dateTime(at)}
          </Text>
        ) : message ? (
          <li key={message.id}>
            <Paper
              withBorder
              p="sm"
              bg={message.authorKind === "staff" ? "blue.0" : undefined}
              aria-label={
                message.authorKind === "participant"
                  ? th("portal.ticket.you")
                  : (message.author?.name ?? th("portal.ticket.team"))
              }
            >
              <Group justify="space-between" gap="xs" mb={6}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {message.authorKind === "participant"
                      ? th("portal.ticket.you")
                      : `${message.author?.name ?? ""} · ${th("portal.ticket.team")}`}
                  </Text>
                  {message.isUnread ? (
                    <Badge size="xs" color="red" tt="none">
                      {th("portal.ticket.new")}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {format.dateTime(message.createdAt)}
                </Text>
              </Group>
              <MessageBody html={message.html} />
            </Paper>
          </li>
        ) : null,
      )}
    </Stack>
  );
}

function ReplyBox({ ticket, csrfToken }: { ticket: PortalTicketDetail; csrfToken: string }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [isSent, setIsSent] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const send = useMutation({
    mutationFn: () => addMessage(ticket.id, text, csrfToken),
    onSuccess: (detail) => {
      queryClient.setQueryData(helpdeskKeys.portalTicket(ticket.id), detail);
      void queryClient.invalidateQueries({ queryKey: ["portal", "helpdesk", "list"] });
      setText("");
      setIsSent(true);
    },
    // The team resolved or closed it meanwhile: show the ticket as it is now (the box explains).
    onError: (error) => {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: helpdeskKeys.portalTicket(ticket.id) });
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSent(false);
    if (!text.trim()) {
      textRef.current?.focus();
      return;
    }
    send.mutate();
  }
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            ref={textRef}
            label={th("portal.ticket.replyLabel")}
            autosize
            minRows={3}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={send.isError ? apiErrorMessage(send.error, t) : undefined}
            errorProps={{ role: "alert" }}
          />
          <Group gap="sm">
            <Button type="submit" loading={send.isPending}>
              {th("portal.ticket.send")}
            </Button>
          </Group>
          <div role="status">
            {isSent ? (
              <Text size="sm" c="green.8">
                {th("portal.ticket.sent")}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Card>
  );
}

/** Resolved or closed: no more messages here, and the way to a new request (seed: only while open). */
function Locked({ ticket }: { ticket: PortalTicketDetail }) {
  const { th } = useHelpdeskTranslation();
  const subject = new URLSearchParams({ subject: `Re: ${ticket.subject}`.slice(0, 150) });
  return (
    <Alert color="gray" title={th(`portal.ticket.locked.${ticket.status as "resolved" | "closed"}Title`)}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{th(`portal.ticket.locked.${ticket.status as "resolved" | "closed"}`)}</Text>
        <Button component={Link} to={`/portal/helpdesk/new?${subject}`} size="xs" variant="default">
          {th("portal.ticket.locked.newTicket")}
        </Button>
      </Stack>
    </Alert>
  );
}
