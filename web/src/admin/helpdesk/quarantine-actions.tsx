import { Divider } from "@mantine/core";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { AttachInboundForm } from "./attach-inbound-form";
import { DiscardInboundButton } from "./discard-inbound-button";
import type { InboundEmailDetail } from "./inbound-api";
import {
  isAlreadyHandled,
  useAttachInboundEmail,
  useDiscardInboundEmail,
  useOpenContactTicket,
} from "./inbound-mutations";
import { NewContactForm } from "./new-contact-form";

export type QuarantineNotice = {
  tone: "success" | "conflict" | "error";
  message: string;
  ticketId?: string | null;
};

/** One received e-mail as the panel and its actions take it, and whom they tell once it is handled. */
export type ReceivedEmailProps = {
  email: InboundEmailDetail;
  csrfToken: string;
  onHandled: (notice: QuarantineNotice) => void;
};

/**
 * The decisions on a quarantined e-mail: attach it to a participant, open a ticket for a new contact
 * (a sender who is nobody in the programs yet), or discard it.
 */
export function QuarantineActions({ email, csrfToken, onHandled }: ReceivedEmailProps) {
  const { th } = useHelpdeskTranslation();
  const attach = useAttachInboundEmail(email.id, csrfToken);
  const discard = useDiscardInboundEmail(email.id, csrfToken);
  const contact = useOpenContactTicket(email.id, csrfToken);
  const conflict = () => onHandled({ tone: "conflict", message: th("admin.quarantine.conflict") });
  return (
    <>
      <Divider />
      <AttachInboundForm
        email={email}
        isPending={attach.isPending}
        error={attach.error}
        onAttach={({ participant, ticketId }) =>
          attach.mutate(
            { participantId: participant.id, ticketId },
            {
              onSuccess: (handled) =>
                onHandled({
                  tone: "success",
                  message: th("admin.quarantine.attach.done", { name: participant.name }),
                  ticketId: handled.ticketId,
                }),
              onError: (error) => (isAlreadyHandled(error) ? conflict() : undefined),
            },
          )
        }
      />
      {email.participant === null && email.fromAddress ? (
        <>
          <Divider />
          <NewContactForm
            email={email}
            isPending={contact.isPending}
            error={contact.error}
            onOpen={(choice) =>
              contact.mutate(choice, {
                onSuccess: (handled) =>
                  onHandled({
                    tone: "success",
                    message: th("admin.quarantine.contact.done", { name: choice.name }),
                    ticketId: handled.ticketId,
                  }),
                onError: (error) => (isAlreadyHandled(error) ? conflict() : undefined),
              })
            }
          />
        </>
      ) : null}
      <Divider />
      <DiscardInboundButton
        isPending={discard.isPending}
        error={discard.error}
        onConfirm={(done) =>
          discard.mutate(undefined, {
            onSuccess: () => {
              done();
              onHandled({ tone: "success", message: th("admin.quarantine.discard.done") });
            },
            onError: (error) => {
              if (!isAlreadyHandled(error)) return;
              done();
              conflict();
            },
          })
        }
      />
    </>
  );
}
