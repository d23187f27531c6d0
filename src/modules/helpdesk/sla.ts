// SLA clock of a ticket. Targets per priority are a program setting (first response, resolution). The
// clock runs only while the ticket is `open`: `pending` waits on the participant or a corrective action
// (DESIGN "Helpdesk for referrers"), and a resolved or closed ticket that is reopened resumes where it
// stopped. Deadlines are stored already shifted by the time the clock stood still, so "overdue" is one
// indexed comparison: `sla_due_at < coalesce(sla_paused_since, now())`.
import type { SlaTargets, Ticket, TicketPriority, TicketStatus } from "./schema.js";

const HOUR = 60;

/** Calendar time, in minutes; a program changes them in the helpdesk settings. */
export const defaultSlaTargets: SlaTargets = {
  low: { firstResponseMinutes: 24 * HOUR, resolutionMinutes: 5 * 24 * HOUR },
  normal: { firstResponseMinutes: 8 * HOUR, resolutionMinutes: 48 * HOUR },
  high: { firstResponseMinutes: 4 * HOUR, resolutionMinutes: 24 * HOUR },
  urgent: { firstResponseMinutes: 1 * HOUR, resolutionMinutes: 8 * HOUR },
};

export type SlaClock = Pick<
  Ticket,
  | "createdAt"
  | "priority"
  | "status"
  | "firstResponseAt"
  | "firstResponseDueAt"
  | "resolutionDueAt"
  | "slaDueAt"
  | "slaPausedSince"
  | "slaPausedSeconds"
>;

type Deadlines = Pick<SlaClock, "firstResponseDueAt" | "resolutionDueAt">;

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** Deadlines from creation: target of the priority plus the time the clock has stood still so far. */
export function slaDeadlines(
  ticket: Pick<SlaClock, "createdAt" | "slaPausedSeconds">,
  priority: TicketPriority,
  targets: SlaTargets,
): Deadlines {
  const target = targets[priority];
  return {
    firstResponseDueAt: addSeconds(
      ticket.createdAt,
      target.firstResponseMinutes * 60 + ticket.slaPausedSeconds,
    ),
    resolutionDueAt: addSeconds(ticket.createdAt, target.resolutionMinutes * 60 + ticket.slaPausedSeconds),
  };
}

/** The deadline that applies next: the first response until there is one, then the resolution. */
export function nextDueAt(
  ticket: Pick<SlaClock, "status" | "firstResponseAt" | "firstResponseDueAt" | "resolutionDueAt">,
): Date | null {
  if (ticket.status === "resolved" || ticket.status === "closed") return null;
  return ticket.firstResponseAt ? ticket.resolutionDueAt : ticket.firstResponseDueAt;
}

/** The clock fields a new ticket starts with. */
export function startClock(createdAt: Date, priority: TicketPriority, targets: SlaTargets) {
  const deadlines = slaDeadlines({ createdAt, slaPausedSeconds: 0 }, priority, targets);
  return {
    ...deadlines,
    slaDueAt: deadlines.firstResponseDueAt,
    slaPausedSince: null,
    slaPausedSeconds: 0,
  };
}

/**
 * The clock fields after a status move at `now`. Leaving `open` stops the clock; coming back to `open`
 * adds the stopped time to the total and pushes both deadlines by it.
 */
export function clockAfterStatusChange(
  ticket: SlaClock,
  to: TicketStatus,
  now: Date,
): Pick<
  SlaClock,
  "firstResponseDueAt" | "resolutionDueAt" | "slaDueAt" | "slaPausedSince" | "slaPausedSeconds"
> {
  let { firstResponseDueAt, resolutionDueAt, slaPausedSince, slaPausedSeconds } = ticket;
  if (ticket.status === "open" && to !== "open") {
    slaPausedSince = now;
  } else if (ticket.status !== "open" && to === "open" && slaPausedSince) {
    const stood = Math.max(0, Math.round((now.getTime() - slaPausedSince.getTime()) / 1000));
    slaPausedSeconds += stood;
    firstResponseDueAt = addSeconds(firstResponseDueAt, stood);
    resolutionDueAt = addSeconds(resolutionDueAt, stood);
    slaPausedSince = null;
  }
  const slaDueAt = nextDueAt({
    status: to,
    firstResponseAt: ticket.firstResponseAt,
    firstResponseDueAt,
    resolutionDueAt,
  });
  return { firstResponseDueAt, resolutionDueAt, slaDueAt, slaPausedSince, slaPausedSeconds };
}

/** New deadlines when the priority changes: same creation time and stopped time, the new targets. */
export function clockAfterPriorityChange(ticket: SlaClock, priority: TicketPriority, targets: SlaTargets) {
  const deadlines = slaDeadlines(ticket, priority, targets);
  return { ...deadlines, slaDueAt: nextDueAt({ ...ticket, ...deadlines }) };
}

export type SlaState = "running" | "paused" | "met" | "stopped";

/** What the agent sees: the next deadline, whether the clock runs, and the time left (negative: late). */
export function slaStatus(ticket: SlaClock & { resolvedAt?: Date | null }, now: Date) {
  const dueAt = nextDueAt(ticket);
  const firstResponseBreached =
    ticket.firstResponseAt !== null && ticket.firstResponseAt > ticket.firstResponseDueAt;
  if (!dueAt) {
    return {
      state: (ticket.status === "resolved" ? "met" : "stopped") as SlaState,
      dueAt: null,
      secondsLeft: null,
      isOverdue: false,
      firstResponseBreached,
    };
  }
  const clockAt = ticket.slaPausedSince ?? now;
  const secondsLeft = Math.round((dueAt.getTime() - clockAt.getTime()) / 1000);
  return {
    state: (ticket.slaPausedSince ? "paused" : "running") as SlaState,
    dueAt,
    secondsLeft,
    isOverdue: secondsLeft < 0,
    firstResponseBreached,
  };
}
