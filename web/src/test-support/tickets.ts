import type { AdminTicketDetail, PortalTicket } from "../api/helpdesk-types";

/** What every ticket answer carries, as the API sends it: a fresh open ticket from the portal. */
function ticketCore(n: number) {
  return {
    id: `t${n}`,
    number: n,
    subject: `Dúvida ${n}`,
    status: "open",
    situation: "awaiting_agent",
    priority: "normal",
    contactReason: null,
    channel: "portal",
    referralId: null,
    assignee: null,
    createdAt: "2026-11-01T12:00:00Z",
    lastMessageAt: "2026-11-01T12:00:00Z",
  } as const;
}

/** A ticket in the referrer's list. */
export function portalTicket(n: number): PortalTicket {
  return { ...ticketCore(n), participant: { id: "pa1", name: "Rita" }, hasUnread: false, canReply: true };
}

/** A ticket as an agent opens it, from an active referrer, with no messages yet. */
export function adminTicketDetail(n: number): AdminTicketDetail {
  const participant = { id: "pa1", name: "Rita", email: "rita@gmail.com" };
  return {
    ...ticketCore(n),
    programId: "p1",
    participant,
    lastActivityAt: "2026-11-01T12:00:00Z",
    sla: { state: "running", dueAt: null, secondsLeft: null, isOverdue: false, firstResponseBreached: false },
    senderUnverified: false,
    previousTicket: null,
    referral: null,
    firstResponseAt: null,
    firstResponseDueAt: "2026-11-02T12:00:00Z",
    resolutionDueAt: "2026-11-05T12:00:00Z",
    resolvedAt: null,
    closedAt: null,
    messages: [],
    events: [],
    participantCard: {
      ...participant,
      phone: null,
      status: "active",
      kind: "referrer",
      isCustomer: false,
      createdAt: "2026-01-01T12:00:00Z",
      referrals: [],
      otherTickets: [],
    },
  };
}
