import { ticketChannels, ticketPriorities, ticketSituations } from "@shared/ticket-codes";

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
export type SortOrder = "asc" | "desc";

/** What the list shows, kept in the page's URL so it survives reloads and can be shared. */
export type TicketFilters = {
  view: TicketView;
  programId: string;
  situation: string;
  priority: string;
  contactReason: string;
  assigneeId: string;
  channel: string;
  q: string;
  sort: TicketSort;
  order: SortOrder;
};

const textKeys = [
  "programId",
  "situation",
  "priority",
  "contactReason",
  "assigneeId",
  "channel",
  "q",
] as const;

export const emptyTicketFilters: TicketFilters = {
  view: "active",
  programId: "",
  situation: "",
  priority: "",
  contactReason: "",
  assigneeId: "",
  channel: "",
  q: "",
  sort: "lastActivityAt",
  order: "desc",
};

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** Reads the URL, dropping what the API would refuse (a hand-edited address must not break the page). */
export function filtersFromSearch(search: URLSearchParams): TicketFilters {
  const filters = { ...emptyTicketFilters };
  for (const key of textKeys) filters[key] = search.get(key)?.trim() ?? "";
  if (!isOneOf(ticketSituations, filters.situation)) filters.situation = "";
  if (!isOneOf(ticketPriorities, filters.priority)) filters.priority = "";
  if (!isOneOf(ticketChannels, filters.channel)) filters.channel = "";
  const view = search.get("view") ?? "";
  filters.view = isOneOf(ticketViews, view) ? view : "active";
  const sort = search.get("sort") ?? "";
  filters.sort = isOneOf(ticketSorts, sort) ? sort : "lastActivityAt";
  filters.order = search.get("order") === "asc" ? "asc" : "desc";
  return filters;
}

/** The filters as this page's query string: empty and default values left out. */
export function searchFromFilters(filters: TicketFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.view !== "active") search.set("view", filters.view);
  for (const key of textKeys) if (filters[key]) search.set(key, filters[key]);
  if (filters.sort !== "lastActivityAt") search.set("sort", filters.sort);
  if (filters.order !== "desc") search.set("order", filters.order);
  return search;
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
  const query = new URLSearchParams();
  for (const key of textKeys) if (filters[key]) query.set(key, filters[key]);
  for (const [key, value] of Object.entries(viewQuery[filters.view])) query.set(key, value);
  if (filters.sort !== "lastActivityAt") query.set("sort", filters.sort);
  if (filters.order !== "desc") query.set("order", filters.order);
  return query;
}

/** Whether the view already decides the assignee (its filter would contradict it). */
export const viewFixesAssignee = (view: TicketView) => view === "mine" || view === "unassigned";

export function hasActiveFilters(filters: TicketFilters): boolean {
  return textKeys.some((key) => filters[key] !== "");
}
