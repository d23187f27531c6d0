import { useQuery } from "@tanstack/react-query";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { useLocalizedText } from "../../app/localized-text";
import { getHelpdeskOptions, type HelpdeskOptions } from "./helpdesk-api";

/** Programs, contact reasons and agents change rarely: loaded once per visit. */
export function useHelpdeskOptions() {
  return useQuery({
    queryKey: helpdeskKeys.adminOptions,
    queryFn: getHelpdeskOptions,
    staleTime: 5 * 60_000,
  });
}

/** A ticket's contact reason in the page's language, from its program's list (the code if unknown). */
export function useReasonLabel(options: HelpdeskOptions | undefined) {
  const localized = useLocalizedText();
  return (ticket: { programId: string; contactReason: string | null }) => {
    if (!ticket.contactReason) return "";
    const reason = options?.programs
      .find((program) => program.id === ticket.programId)
      ?.contactReasons.find((r) => r.code === ticket.contactReason);
    return reason ? localized(reason.label) : ticket.contactReason;
  };
}
