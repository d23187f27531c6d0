import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/api-error";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { attachInboundEmail, discardInboundEmail, inboundKeys, openContactTicket } from "./inbound-api";

/** 409: someone else attached or discarded it first (another 409, e.g. an address taken, is the form's). */
export function isAlreadyHandled(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === "inbound_email_not_quarantined";
}

/** An action moves the e-mail to another list (and may open a ticket): both areas reload when shown. */
function useSettle() {
  const queryClient = useQueryClient();
  return (opensTicket: boolean) => {
    void queryClient.invalidateQueries({ queryKey: inboundKeys.all });
    if (opensTicket) void queryClient.invalidateQueries({ queryKey: helpdeskKeys.admin });
  };
}

export function useAttachInboundEmail(id: string, csrfToken: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { participantId: string; ticketId: string | null }) =>
      attachInboundEmail(id, body, csrfToken),
    onSuccess: () => settle(true),
    onError: (error) => (isAlreadyHandled(error) ? settle(false) : undefined),
  });
}

export function useDiscardInboundEmail(id: string, csrfToken: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: () => discardInboundEmail(id, csrfToken),
    onSuccess: () => settle(false),
    onError: (error) => (isAlreadyHandled(error) ? settle(false) : undefined),
  });
}

export function useOpenContactTicket(id: string, csrfToken: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { programId: string; name: string }) => openContactTicket(id, body, csrfToken),
    onSuccess: () => settle(true),
    onError: (error) => (isAlreadyHandled(error) ? settle(false) : undefined),
  });
}
