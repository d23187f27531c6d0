import { ticketChannels, ticketPriorities, ticketSituations } from "@shared/ticket-codes";
import {
  choiceParam,
  describeSearch,
  oneOfParam,
  type SearchValues,
  sortOrders,
  textParam,
} from "../../app/list-kit";

/** The workspace's views: each a tab with its count; `active` (open and pending) is where agents work. */
export const ticketViews = [
  "active",
  "mine",
  "unassigned",
  "overdue",
  "open",
  "pending",
  "resolved",
  "closed",
  "all",
] as const;
export type TicketView = (typeof ticketViews)[number];

export const ticketSorts = ["lastActivityAt", "createdAt", "priority", "dueAt"] as const;
export type TicketSort = (typeof ticketSorts)[number];

const params = {
  view: choiceParam(ticketViews, "active"),
  programId: textParam(),
  situation: oneOfParam(ticketSituations),
  priority: oneOfParam(ticketPriorities),
  contactReason: textParam(),
  assigneeId: textParam(),
  channel: oneOfParam(ticketChannels),
  q: textParam(),
  sort: choiceParam(ticketSorts, "lastActivityAt"),
  order: choiceParam(sortOrders, "desc"),
};

/** What the list shows, kept in the page's URL so it survives reloads and can be shared. */
export const ticketSearch = describeSearch(params);
export type TicketFilters = SearchValues<typeof params>;

/** Deadlines read soonest first; everything else newest or most urgent first. */
export function firstOrderOf(key: TicketSort): "asc" | "desc" {
  return key === "dueAt" ? "asc" : "desc";
}

const viewQuery: Record<TicketView, Record<string, string>> = {
  active: { status: "open,pending" },
  mine: { status: "open,pending", assigneeId: "me" },
  unassigned: { status: "open,pending", assigneeId: "none" },
  overdue: { overdue: "true" },
  open: { status: "open" },
  pending: { status: "pending" },
  resolved: { status: "resolved" },
  closed: { status: "closed" },
  all: {},
};

/** The API's query for the filters: the view becomes status/assignee/overdue conditions. */
export function apiQueryFromFilters(filters: TicketFilters): URLSearchParams {
  const query = ticketSearch.serialize({ ...filters, view: "active" });
  query.delete("view");
  for (const [key, value] of Object.entries(viewQuery[filters.view])) query.set(key, value);
  return query;
}

/** Whether the view already decides the assignee (its filter would contradict it). */
export const viewFixesAssignee = (view: TicketView) => view === "mine" || view === "unassigned";
