import type { TicketStatus } from "@shared/ticket-codes";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AdminTicketDetail, helpdeskKeys } from "../../api/helpdesk-types";
import { addNote, replyToTicket, type TicketPatch, updateTicket } from "./helpdesk-api";

/** After a change: the answer is the new ticket; lists and counts are refetched when next shown. */
function useSettle(id: string) {
  const queryClient = useQueryClient();
  return (detail: AdminTicketDetail) => {
    queryClient.setQueryData(helpdeskKeys.adminTicket(id), detail);
    void queryClient.invalidateQueries({
      queryKey: helpdeskKeys.admin,
      predicate: (query) => query.queryKey[2] !== "ticket" || query.queryKey[3] !== id,
    });
  };
}

export function useReplyToTicket(id: string, csrfToken: string) {
  const settle = useSettle(id);
  return useMutation({
    mutationFn: (body: { message: string; status?: TicketStatus }) => replyToTicket(id, body, csrfToken),
    onSuccess: settle,
  });
}

export function useAddNote(id: string, csrfToken: string) {
  const settle = useSettle(id);
  return useMutation({ mutationFn: (message: string) => addNote(id, message, csrfToken), onSuccess: settle });
}

export function useUpdateTicket(id: string, csrfToken: string) {
  const settle = useSettle(id);
  return useMutation({
    mutationFn: (patch: TicketPatch) => updateTicket(id, patch, csrfToken),
    onSuccess: settle,
  });
}
