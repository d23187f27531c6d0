// Inputs and outputs of the helpdesk routes (DESIGN "HTTP contract": a ticket {id, subject, status,
// situation, priority, contactReason, channel, participant: {id, name}, referralId, assignee, createdAt,
// lastMessageAt, messages?}).
import { z } from "zod";
import { ZCursor } from "../../platform/db/keyset.js";
import { referralStatuses } from "../../shared/referral-codes.js";
import { withoutBidiControls } from "../../shared/unicode-text.js";
import {
  messageAuthorKinds,
  messageSources,
  type TicketStatus,
  ticketChannels,
  ticketEventKinds,
  ticketPriorities,
  ticketSituations,
  ticketStatuses,
} from "./schema.js";

// Subjects are one line of plain text: line breaks would be header injection in e-mail subjects; bidi
// controls go too (a right-to-left override reorders what the agent reads).
const ZSubject = z
  .string()
  .transform((value) => withoutBidiControls(value).replace(/\s+/g, " ").trim())
  .pipe(z.string().min(3, "Escreva um assunto com pelo menos 3 caracteres.").max(150));
const ZMessageText = z
  .string()
  .trim()
  .min(1, "Escreva a mensagem.")
  .max(20_000, "A mensagem passou de 20.000 caracteres.");

// ---------------------------------------------------------------------------------------------- output

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZAttachment = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
  })
  .meta({ id: "Attachment" });

export const ZPortalMessage = z
  .object({
    id: z.string(),
    authorKind: z.enum(messageAuthorKinds),
    author: ZPerson.nullable(),
    text: z.string(),
    // Sanitized on the way in (safe-html.ts).
    html: z.string().describe("Sanitized when the message was written: safe to render as HTML."),
    createdAt: z.string(),
    isUnread: z.boolean().describe("A staff reply newer than the referrer's last visit."),
    attachments: z.array(ZAttachment),
  })
  .meta({ id: "PortalMessage" });
export type TPortalMessage = z.infer<typeof ZPortalMessage>;

export const ZAdminMessage = ZPortalMessage.omit({ isUnread: true })
  .extend({
    isInternal: z.boolean(),
    source: z.enum(messageSources),
    emailMessageId: z.string().nullable(),
    inboundEmailId: z
      .string()
      .nullable()
      .describe(
        "The received e-mail it came from: GET /api/admin/inbound/{id}/original shows it as received.",
      ),
  })
  .meta({ id: "AdminMessage" });
export type TAdminMessage = z.infer<typeof ZAdminMessage>;

export const ZLinkedReferral = z
  .object({
    id: z.string(),
    companyName: z.string().describe("The referred company."),
    status: z.enum(referralStatuses),
    reason: z.string().nullable().describe("The status's reason code, when the status needs one."),
  })
  .describe("The referral the ticket is about (company, status, reason), or null.")
  .meta({ id: "LinkedReferral" });
export type TLinkedReferral = z.infer<typeof ZLinkedReferral>;

export const ZTicketEvent = z
  .object({
    id: z.number(),
    kind: z.enum(ticketEventKinds),
    from: z.string().nullable(),
    to: z.string().nullable(),
    actor: z.object({ kind: z.enum(messageAuthorKinds), name: z.string().nullable() }),
    createdAt: z.string(),
  })
  .meta({ id: "TicketEvent" });

const ticketCore = {
  id: z.string().describe("The ticket's id (a UUID)."),
  number: z.number().describe("Its number in the organization, as people say it (#42)."),
  subject: z.string().describe("One line of plain text."),
  status: z.enum(ticketStatuses).describe("open, pending, resolved or closed."),
  situation: z
    .enum(ticketSituations)
    .describe(
      "Who the ticket waits on, from the last public message: awaiting_agent or awaiting_participant.",
    ),
  priority: z.enum(ticketPriorities).describe("low, normal, high or urgent."),
  contactReason: z.string().nullable().describe("One of the program's contact reason codes."),
  channel: z.enum(ticketChannels).describe("Where it was opened: portal or email."),
  referralId: z.string().nullable().describe("The referral it is about, if any."),
  assignee: ZPerson.nullable().describe("The agent who has it; null when nobody has."),
  createdAt: z.string().describe("When it was opened (ISO 8601)."),
  lastMessageAt: z.string().describe("The last public message (ISO 8601)."),
};

export const ZPortalTicket = z
  .object({
    ...ticketCore,
    participant: ZPerson.describe("The referrer the ticket is from."),
    hasUnread: z.boolean().describe("A staff reply the referrer has not seen yet."),
    canReply: z
      .boolean()
      .describe("The referrer may add a message only while the ticket is open or pending."),
  })
  .meta({ id: "PortalTicket" });
export type TPortalTicket = z.infer<typeof ZPortalTicket>;

export const ZPortalTicketDetail = ZPortalTicket.extend({
  referral: ZLinkedReferral.nullable(),
  messages: z.array(ZPortalMessage),
  events: z
    .array(ZTicketEvent.omit({ actor: true }))
    .describe(
      "Status moves only: the referrer sees when the ticket was resolved or closed, not who took it.",
    ),
}).meta({ id: "PortalTicketDetail" });

export const ZSla = z
  .object({
    state: z.enum(["running", "paused", "met", "stopped"]),
    dueAt: z.string().nullable(),
    secondsLeft: z.number().nullable().describe("Negative once late."),
    isOverdue: z.boolean(),
    firstResponseBreached: z.boolean(),
  })
  .meta({ id: "Sla" });

export const ZAdminTicket = z
  .object({
    ...ticketCore,
    programId: z.string().describe("The program it belongs to."),
    participant: ZPerson.extend({ email: z.string() }).describe("The referrer the ticket is from."),
    lastActivityAt: z.string().describe("The last change of any kind, notes included (ISO 8601)."),
    sla: ZSla.describe("The running deadline: first response, then resolution."),
    /**
     * "Remetente não verificado": opened by an e-mail whose sender could not be verified (DKIM, SPF,
     * DMARC), or written with the referrer's reply address from another address. Agents only.
     */
    senderUnverified: z
      .boolean()
      .describe('"Remetente não verificado": the e-mail that opened it failed DKIM/SPF/DMARC (agents only).'),
  })
  .meta({ id: "AdminTicket" });
export type TAdminTicket = z.infer<typeof ZAdminTicket>;

export const ZParticipantCard = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    status: z.enum(["active", "left"]),
    /** A `contact` wrote to the helpdesk without being a referrer: no referrals, no rewards. */
    kind: z.enum(["referrer", "contact"]),
    isCustomer: z.boolean(),
    createdAt: z.string(),
    referrals: z.array(
      z.object({
        id: z.string(),
        companyName: z.string(),
        status: z.enum(referralStatuses),
        reason: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    otherTickets: z.array(
      z.object({ id: z.string(), number: z.number(), subject: z.string(), status: z.enum(ticketStatuses) }),
    ),
  })
  .meta({ id: "ParticipantCard" });

export const ZAdminTicketDetail = ZAdminTicket.extend({
  previousTicket: z
    .object({ id: z.string(), number: z.number(), subject: z.string(), status: z.enum(ticketStatuses) })
    .nullable()
    .describe("The resolved or closed ticket this one follows (a later e-mail reply to it)."),
  firstResponseAt: z.string().nullable(),
  firstResponseDueAt: z.string(),
  resolutionDueAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  referral: ZLinkedReferral.nullable(),
  messages: z.array(ZAdminMessage),
  events: z.array(ZTicketEvent),
  participantCard: ZParticipantCard,
}).meta({ id: "AdminTicketDetail" });
export type TAdminTicketDetail = z.infer<typeof ZAdminTicketDetail>;

export const ZStatusCounts = z.object(
  Object.fromEntries(ticketStatuses.map((s) => [s, z.number()])) as Record<
    (typeof ticketStatuses)[number],
    z.ZodNumber
  >,
);

export const ZTicketCounts = z.object({
  status: ZStatusCounts,
  mine: z.number(),
  unassigned: z.number(),
  overdue: z.number(),
  awaitingAgent: z.number(),
  cap: z
    .number()
    .describe('Counts stop just past this number: a count above it means "more than cap" ("10.000+").'),
});

// ---------------------------------------------------------------------------------------------- input

export const ZOpenTicket = z.object({
  subject: ZSubject,
  contactReason: z.string().trim().min(1, "Escolha o motivo do contato.").max(60),
  message: ZMessageText,
  referralId: z.uuid().nullish(),
});
export type TOpenTicket = z.infer<typeof ZOpenTicket>;

export const ZMessageBody = z.object({ message: ZMessageText });

export const ZReplyBody = z.object({
  message: ZMessageText,
  /** Set the status in the same step (e.g. reply and wait on the participant). */
  status: z.enum(ticketStatuses).optional(),
});
export type TReplyBody = z.infer<typeof ZReplyBody>;

export const ZTicketPatch = z
  .object({
    status: z.enum(ticketStatuses),
    priority: z.enum(ticketPriorities),
    assigneeId: z.uuid().nullable(),
    contactReason: z.string().trim().min(1).max(60),
    referralId: z.uuid().nullable().describe("Link one of the participant's referrals, or null to unlink."),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change." });
export type TTicketPatch = z.infer<typeof ZTicketPatch>;

const listPage = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: ZCursor.optional(),
};

export const ZPortalTicketQuery = z.object({
  /** `open`: open and pending; `closed`: resolved and closed (the portal's two tabs). */
  state: z.enum(["open", "closed"]).default("open"),
  ...listPage,
});
export type TPortalTicketQuery = z.infer<typeof ZPortalTicketQuery>;

const isStatus = (value: string): value is TicketStatus =>
  (ticketStatuses as readonly string[]).includes(value);
const ZStatusList = z
  .string()
  .refine((value) => value.split(",").every(isStatus), {
    message: "Use open, pending, resolved ou closed, separados por vírgula.",
  })
  .transform((value) => [...new Set(value.split(","))] as TicketStatus[]);

export const adminTicketSorts = ["lastActivityAt", "createdAt", "priority", "dueAt"] as const;
export type AdminTicketSort = (typeof adminTicketSorts)[number];

export const ZAdminTicketQuery = z.object({
  programId: z.uuid().optional(),
  /** One status or several, comma-separated (`open,pending`). */
  status: ZStatusList.optional(),
  situation: z.enum(ticketSituations).optional(),
  priority: z.enum(ticketPriorities).optional(),
  contactReason: z.string().trim().max(60).optional(),
  /** A staff id, `me`, or `none` for tickets nobody has. */
  assigneeId: z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(),
  participantId: z.uuid().optional(),
  channel: z.enum(ticketChannels).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(adminTicketSorts).default("lastActivityAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  ...listPage,
});
export type TAdminTicketQuery = z.infer<typeof ZAdminTicketQuery>;

export const ZCountsQuery = z.object({ programId: z.uuid().optional() });
