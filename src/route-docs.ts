// The summary and description of each API route, keyed "METHOD /url" as Fastify declares it. Read by
// src/api-docs.ts into the OpenAPI document (/api/openapi.json, /api/docs).
type RouteDoc = { summary: string; description: string };

export const routeDocs: Record<string, RouteDoc> = {
  "GET /healthz": {
    summary: "Health check",
    description: 'Answers `{"status":"ok"}` once the database answers; for load balancers and monitors.',
  },
  "GET /api/dev/mailbox": {
    summary: "Development mailbox",
    description:
      'Every e-mail (and WhatsApp message) the embedded default "sent", newest first, with its links. ' +
      "Absent in production.",
  },
  "GET /api/public/programs": {
    summary: "Programs running today",
    description: "Name and slug of each program open for referrals today, for the portal's program choice.",
  },
  "GET /api/public/programs/:programSlug": {
    summary: "A program's public page data",
    description: "The program's name, rules and tips, current terms and the reward catalog active today.",
  },
  "POST /api/public/programs/:programSlug/referrals": {
    summary: "Submit a referral",
    description:
      "Anyone refers a company (the referrer is known by e-mail). Malformed data, under-age referrers, " +
      "missing declarations, invalid CNPJ and self-referral are refused with 422 and field errors; an " +
      "accepted referral answers the same whatever the registries hold (201, status in_progress). " +
      "Rate-limited per referrer and per client address (429).",
  },
  "GET /api/admin/programs/:programId/materials": {
    summary: "A program's support materials and tips",
    description:
      "Admins list the materials and referral tips the portal shows, in portal order, Markdown and rendered HTML.",
  },
  "POST /api/admin/programs/:programId/materials": {
    summary: "Add a material or tip",
    description: "Title and body (Markdown) in pt-BR and English, an optional https link and a position.",
  },
  "PATCH /api/admin/materials/:id": {
    summary: "Edit a material or tip",
    description: "Any of its fields; the body is rendered and sanitised again for the portal.",
  },
  "DELETE /api/admin/materials/:id": {
    summary: "Remove a material or tip",
    description: "It leaves the portal at once. 404 for another organization's.",
  },
  "GET /api/portal/materials": {
    summary: "Materials, tips and what to share",
    description:
      "The referrer's program's materials and tips as sanitised HTML, the policy's tips, and the public page's link to share.",
  },
  "POST /api/admin/login": {
    summary: "Staff sign-in",
    description:
      "E-mail and password; sets the session cookie and answers the CSRF token writes must echo. " +
      "Wrong credentials answer 401 in the same time whether the address exists; 10 attempts a minute per client address. " +
      "After 10 failures for one e-mail within 15 minutes, that e-mail answers 429 (`sign_in_locked`, with `Retry-After`) for 15 minutes from any address, even with the right password, and the account is e-mailed once.",
  },
  "POST /api/admin/logout": {
    summary: "Staff sign-out",
    description: "Revokes the session on the server and clears its cookie.",
  },
  "GET /api/admin/session": {
    summary: "Who is signed in (staff)",
    description:
      'The signed-in member, their organization, its programs (with their time zones), permissions and CSRF token; `{"user":null}` when nobody is signed in.',
  },
  "GET /api/admin/staff": {
    summary: "The organization's active staff",
    description: "Filter by `permission` (who may be assigned work) or `role`.",
  },
  "GET /api/admin/participants": {
    summary: "Find a referrer",
    description:
      "Staff search the organization's referrers by name or e-mail (at least 2 characters), e.g. to attach a quarantined e-mail.",
  },
  "POST /api/portal/login": {
    summary: "E-mail a sign-in link",
    description:
      "Sends a single-use link valid 30 minutes to a referrer of the program. Always 202, whether the address takes part or not, and whether the program exists; at most 5 links an hour per address. " +
      "The link opens a page that asks to confirm (a form posting to the same address) before the session starts.",
  },
  "GET /api/portal/session": {
    summary: "Who is signed in (referrer)",
    description:
      'The signed-in referrer, their program (with its time zone), permissions and CSRF token; `{"participant":null}` when nobody is signed in.',
  },
  "POST /api/portal/logout": {
    summary: "Referrer sign-out",
    description: "Revokes the referrer's session on the server and clears its cookie.",
  },
  "GET /api/portal/profile": {
    summary: "The referrer's profile",
    description: "Name, e-mail, phone, language and e-mail preferences.",
  },
  "PATCH /api/portal/profile": {
    summary: "Change the profile",
    description:
      "Name, phone, language or e-mail preferences; 422 with field errors (a phone that is not Brazilian, say).",
  },
  "POST /api/portal/leave": {
    summary: "Leave the program",
    description:
      "The history is kept, e-mail stops, open tickets close and the session ends. Referring again brings the referrer back.",
  },
  "GET /api/admin/rewards/catalog": {
    summary: "A program's reward catalog",
    description: "Every item, retired ones included, with stock and status.",
  },
  "POST /api/admin/rewards/catalog": {
    summary: "Add a catalog item",
    description: "Name and description in both languages, kind (voucher, gift, experience…), optional stock.",
  },
  "PATCH /api/admin/rewards/catalog/:id": {
    summary: "Edit, retire or restock an item",
    description: "A choice already made keeps the item as it was chosen.",
  },
  "GET /api/admin/rewards/fulfilment": {
    summary: "The fulfilment queue",
    description:
      "Reward offers by state (awaiting choice, chosen, delayed, delivered) and due month, keyset-paged, with counts.",
  },
  "PATCH /api/admin/rewards/:id": {
    summary: "Record a delivery or a delay",
    description:
      "Delivered with an optional voucher code or tracking, or delayed with a note the referrer reads; each is e-mailed.",
  },
  "GET /api/portal/rewards": {
    summary: "The referrer's reward offers",
    description:
      "Each offer with its due month and state, and the catalog items the referrer may choose now.",
  },
  "POST /api/portal/rewards/:id/choice": {
    summary: "Choose a reward",
    description: "Among the items active at this moment; 409 once chosen, or when the item just ran out.",
  },
  "GET /api/admin/referrals": {
    summary: "The organization's referrals",
    description:
      "Filters (status, reason, referrer, assignee, dates in the program's time zone, text), sort and keyset pages.",
  },
  "GET /api/admin/referrals/export.csv": {
    summary: "Export referrals as CSV",
    description:
      "The same filters, every row, streamed; `;`-separated UTF-8 with a BOM, formula cells defused, headers, labels and dates in `lang` (pt-BR or en).",
  },
  "GET /api/admin/referrals/:id": {
    summary: "One referral",
    description:
      "The submitted data, registry findings, fraud signals, qualification checklist, consents, contact confirmation, history with its hash chain, and the moves allowed now.",
  },
  "PATCH /api/admin/referrals/:id": {
    summary: "Assign a referral",
    description: "To someone who can work referrals, or to nobody (null).",
  },
  "POST /api/admin/referrals/:id/transitions": {
    summary: "Move a referral",
    description:
      "To one of the statuses its current one allows, with a reason where the policy needs one (422 without); 409 for any other move.",
  },
  "POST /api/admin/referrals/:id/sale": {
    summary: "Confirm a sale",
    description:
      "The deal's CNPJs, whether it is an upgrade and when it closed; a sale that is not an upgrade earns exactly one reward offer.",
  },
  "GET /api/portal/referrals": {
    summary: "The referrer's referrals",
    description: "Each with its status, the reason in the policy's words and its history; counts by status.",
  },
  "GET /api/portal/referrals/:id": {
    summary: "One of the referrer's referrals",
    description: "Status, reason and the policy clause behind it, history and the first-referrer receipt.",
  },
  "GET /api/portal/tickets": {
    summary: "The referrer's tickets",
    description:
      "The open tab (open and pending) or the closed one (resolved and closed), with counts and unread marks.",
  },
  "POST /api/portal/tickets": {
    summary: "Open a ticket",
    description:
      "Subject, one of the program's contact reasons, the first message and optionally one of the referrer's referrals.",
  },
  "GET /api/portal/helpdesk/options": {
    summary: "What the ticket form offers",
    description: "The program's contact reasons and the referrer's referrals.",
  },
  "GET /api/portal/tickets/:id": {
    summary: "One of the referrer's tickets",
    description: "Public messages only, status moves, and the referral the ticket is about.",
  },
  "POST /api/portal/tickets/:id/messages": {
    summary: "Add a message",
    description:
      "Only while the ticket is open or pending (409 otherwise); a message on a pending ticket reopens it.",
  },
  "POST /api/portal/tickets/:id/read": {
    summary: "Mark a ticket read",
    description: "The staff replies the referrer just saw are no longer new.",
  },
  "GET /api/admin/tickets": {
    summary: "The organization's tickets",
    description:
      "Filters (status, situation, priority, contact reason, assignee, channel, program, views), full-text search or `#number`, four sorts, keyset pages.",
  },
  "GET /api/admin/tickets/counts": {
    summary: "Ticket counts by view",
    description:
      "How many tickets each status and view holds (active, mine, unassigned, overdue), capped to stay cheap.",
  },
  "GET /api/admin/helpdesk/options": {
    summary: "What the agents' forms offer",
    description: "Each program's contact reasons and the agents a ticket may be assigned to.",
  },
  "GET /api/admin/tickets/:id": {
    summary: "One ticket",
    description:
      "The thread with internal notes, its history, SLA deadlines, the referral it is about and a participant card (their referrals and other tickets).",
  },
  "PATCH /api/admin/tickets/:id": {
    summary: "Change a ticket",
    description:
      "Status, priority, assignee, contact reason or the referral it is about (one of the participant's); each change is an event.",
  },
  "POST /api/admin/tickets/:id/replies": {
    summary: "Reply to the referrer",
    description: "Shown in the portal and e-mailed, threaded; optionally sets the status in the same step.",
  },
  "POST /api/admin/tickets/:id/notes": {
    summary: "Add an internal note",
    description: "Staff only: never shown to the referrer nor e-mailed.",
  },
  "GET /api/admin/tickets/:id/canned-replies": {
    summary: "Canned replies for a ticket",
    description:
      "The program's canned replies with their fields ({{participant.firstName}}…) filled for this ticket.",
  },
  "GET /api/admin/helpdesk/canned-replies": {
    summary: "A program's canned replies",
    description: "As written, with their fields unfilled.",
  },
  "POST /api/admin/helpdesk/canned-replies": {
    summary: "Write a canned reply",
    description: "A title and a text with optional fields, for one program.",
  },
  "PATCH /api/admin/helpdesk/canned-replies/:id": {
    summary: "Edit a canned reply",
    description: "Its title or text.",
  },
  "DELETE /api/admin/helpdesk/canned-replies/:id": {
    summary: "Remove a canned reply",
    description: "Replies already sent keep their text.",
  },
  "GET /api/admin/helpdesk/settings": {
    summary: "A program's SLA targets",
    description: "First response and resolution targets per priority, in hours.",
  },
  "PUT /api/admin/helpdesk/settings": {
    summary: "Set a program's SLA targets",
    description: "Admins only; open tickets keep the deadlines they had until their priority changes.",
  },
  "GET /api/admin/inbound": {
    summary: "Received e-mails",
    description: "By processing status; the default is the quarantine (mail nobody claims).",
  },
  "GET /api/admin/inbound/:id": {
    summary: "One received e-mail",
    description: "What was kept of it, the full text, its attachments and where it went.",
  },
  "GET /api/admin/inbound/:id/original": {
    summary: "An e-mail as received",
    description: 'The raw message as plain text, headers included ("view original").',
  },
  "POST /api/admin/inbound/:id/attach": {
    summary: "Attach a quarantined e-mail",
    description: "To a participant: a message on one of their tickets, or a new ticket.",
  },
  "POST /api/admin/inbound/:id/contact": {
    summary: "Open a ticket for a new contact",
    description:
      "The sender of a quarantined e-mail is not a referrer (a prospect, a customer): they become a contact " +
      "of the chosen program (legal basis: answering their request) with a ticket holding the e-mail, " +
      "answered by e-mail like any other. 409 when the e-mail is no longer in the quarantine.",
  },
  "GET /api/admin/suppressions": {
    summary: "Suppressed addresses",
    description:
      "The addresses the organization's programs no longer write to, newest first (keyset pages): a " +
      "contact's objection, a hard bounce or repeated soft ones, a referrer who left; with the reason, " +
      "the time and the e-mail that bounced.",
  },
  "DELETE /api/admin/suppressions/:id": {
    summary: "Lift a suppression",
    description:
      "The program writes to the address again (audited). A referrer who signs in again lifts a bounce " +
      "of their own address themself.",
  },
  "POST /api/admin/inbound/:id/discard": {
    summary: "Discard a quarantined e-mail",
    description: "It leaves the quarantine; the original is kept on record.",
  },
  "POST /api/admin/registries/:kind/import": {
    summary: "Import a registry CSV",
    description:
      "Customers, pipeline or partner customers, as `text/csv` up to 50 MB (413 as soon as the body passes it); a row-level error report. " +
      "All or nothing: the rows are written in one transaction, so a refused or failed import leaves the registry as it was.",
  },
  "GET /api/admin/registries": {
    summary: "The registries' sizes",
    description: "How many rows each registry holds and when it was last imported.",
  },
  "POST /api/inbound/email": {
    summary: "Receive an e-mail",
    description:
      "The mail provider posts one raw MIME message (`message/rfc822`); stored with its processing job before the 202, idempotent by Message-ID. 401 without the secret, 403 when wrong or not configured.",
  },
};
