import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { type TicketStatus, ticketStatuses } from "@shared/ticket-codes";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AdminTicketDetail, helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { getTicketCannedReplies } from "./helpdesk-api";
import { useAddNote, useReplyToTicket } from "./ticket-mutations";

type Mode = "reply" | "note";

/** Reply to the referrer (portal and e-mail) or note for the team, with canned replies to start from. */
export function TicketComposer({ ticket, csrfToken }: { ticket: AdminTicketDetail; csrfToken: string }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const [mode, setMode] = useState<Mode>("reply");
  const [text, setText] = useState("");
  const [statusAfter, setStatusAfter] = useState<"" | TicketStatus>("");
  const [news, setNews] = useState("");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const reply = useReplyToTicket(ticket.id, csrfToken);
  const note = useAddNote(ticket.id, csrfToken);
  const canned = useQuery({
    queryKey: helpdeskKeys.ticketCannedReplies(ticket.id),
    queryFn: () => getTicketCannedReplies(ticket.id),
  });
  const sending = mode === "reply" ? reply : note;
  const isLeft = ticket.participantCard.status === "left";

  function insertCanned(id: string) {
    const chosen = canned.data?.find((item) => item.id === id);
    if (!chosen) return;
    setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${chosen.rendered}` : chosen.rendered));
    textRef.current?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      textRef.current?.focus();
      return;
    }
    setNews("");
    const done = () => {
      setText("");
      setStatusAfter("");
      setNews(mode === "reply" ? th("admin.composer.sent") : th("admin.composer.noted"));
    };
    if (mode === "reply")
      reply.mutate({ message: text, ...(statusAfter ? { status: statusAfter } : {}) }, { onSuccess: done });
    else note.mutate(text, { onSuccess: done });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={th("admin.composer.title")}>
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(value) => {
            setMode(value as Mode);
            setNews("");
          }}
          data={[
            { value: "reply", label: th("admin.composer.replyTab") },
            { value: "note", label: th("admin.composer.noteTab") },
          ]}
          w="fit-content"
        />
        {canned.data && canned.data.length > 0 ? (
          <NativeSelect
            label={th("admin.composer.canned")}
            value=""
            onChange={(event) => insertCanned(event.currentTarget.value)}
            data={[
              { value: "", label: th("admin.composer.cannedPlaceholder") },
              ...canned.data.map((item) => ({ value: item.id, label: item.title })),
            ]}
          />
        ) : null}
        <Textarea
          ref={textRef}
          label={mode === "reply" ? th("admin.composer.replyLabel") : th("admin.composer.noteLabel")}
          description={
            mode === "reply"
              ? isLeft
                ? th("admin.composer.replyHintLeft")
                : th("admin.composer.replyHint", { email: ticket.participant.email })
              : th("admin.composer.noteHint")
          }
          autosize
          minRows={4}
          maxRows={16}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={sending.isError ? apiErrorMessage(sending.error, t) : undefined}
          errorProps={{ role: "alert" }}
          styles={mode === "note" ? { input: { background: "var(--mantine-color-yellow-0)" } } : undefined}
        />
        <Group gap="sm" align="flex-end">
          {mode === "reply" ? (
            <NativeSelect
              label={th("admin.composer.statusAfter")}
              value={statusAfter}
              onChange={(event) => setStatusAfter(event.currentTarget.value as "" | TicketStatus)}
              data={[
                {
                  value: "",
                  label: th("admin.composer.keepStatus", {
                    status: th(`status.${ticket.status}`),
                  }),
                },
                ...ticketStatuses
                  .filter((status) => status !== ticket.status)
                  .map((status) => ({ value: status, label: th(`status.${status}`) })),
              ]}
            />
          ) : null}
          <Button type="submit" loading={sending.isPending} color={mode === "note" ? "yellow.8" : undefined}>
            {mode === "reply" ? th("admin.composer.send") : th("admin.composer.addNote")}
          </Button>
        </Group>
        <div role="status">
          {news ? (
            <Text size="sm" c="green.8">
              {news}
            </Text>
          ) : null}
        </div>
      </Stack>
    </form>
  );
}
