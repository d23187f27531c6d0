// The third decision on a quarantined e-mail (issue 17.6): its sender is nobody in the program (a
// prospect asking how to take part), yet should get an answer. The agent names the program and the
// person; the participants module makes them a contact (legitimate interest: answering them), and the
// e-mail opens their ticket, which agents answer by e-mail as any other.
import { z } from "zod";
import { inTransaction } from "../../platform/db/transaction.js";
import type { StaffPrincipal } from "../../platform/http/access.js";
import { Conflict, Invalid, NotFound } from "../../platform/http/errors.js";
import type { HelpdeskDeps } from "../helpdesk/index.js";
import { createContact } from "../participants/index.js";
import { getOrganizationProgramOrThrow } from "../programs/index.js";
import { parseEmail } from "./content/parse-email.js";
import type { TInboundEmail } from "./inbound-schemas.js";
import { lockQuarantined, postQuarantinedEmail } from "./quarantine-decisions.js";
import { getSummaryOrThrow } from "./review-inbound.js";

export const ZOpenContactTicket = z.object({
  /** The program whose helpdesk answers them. */
  programId: z.uuid(),
  /** How the contact is called (the form offers the e-mail's From name). */
  name: z.string().trim().min(1, "Informe o nome do contato.").max(200),
});
export type TOpenContactTicket = z.infer<typeof ZOpenContactTicket>;

/** POST /api/admin/inbound/:id/contact – a new contact from the sender, and their ticket from the e-mail. */
export async function openContactTicket(
  deps: HelpdeskDeps,
  staff: StaffPrincipal,
  id: string,
  input: TOpenContactTicket,
): Promise<TInboundEmail> {
  await inTransaction(deps.db, async (tx) => {
    const row = await lockQuarantined(tx, staff, id);
    const program = await getOrganizationProgramOrThrow(tx, staff, input.programId).catch((error) => {
      if (error instanceof NotFound)
        throw new Invalid({ programId: ["Escolha um programa da sua organização."] });
      throw error;
    });
    const sender = (await parseEmail(row.raw)).from?.address;
    if (!sender) throw new Conflict("inbound_email_without_sender", "This e-mail names no sender to answer.");
    const contact = await createContact(
      tx,
      { organizationId: staff.organizationId, programId: program.id },
      { email: sender, name: input.name, locale: program.defaultLocale },
      { staffUserId: staff.staffUserId, inboundEmailId: row.id },
    );
    await postQuarantinedEmail(deps, tx, staff, row, {
      participant: contact,
      ticketId: null,
      outcome: "agent_contact",
    });
  });
  return getSummaryOrThrow(deps.db, staff, id);
}
