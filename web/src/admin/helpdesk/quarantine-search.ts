import { choiceParam, describeSearch, textParam } from "../../app/list-kit";
import { reviewedStatuses } from "./inbound-api";

/** `?status=` picks the list (the quarantine by default), `?id=` the e-mail open beside it. */
export const quarantineSearch = describeSearch({
  status: choiceParam(reviewedStatuses, "quarantined"),
  id: textParam({ narrows: false }),
});

/** The page's URL for one e-mail, keeping the list it was picked from. */
export function quarantineUrl(status: (typeof reviewedStatuses)[number], id: string): string {
  const query = quarantineSearch.serialize({ status, id }).toString();
  return `/admin/helpdesk/quarantine${query ? `?${query}` : ""}`;
}
