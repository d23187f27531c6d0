// A referrer who leaves the program needs no more answers (seed: "Fechado: … para participantes que
// enviarem a solicitação e deixarem seu programa de indicações"). Runs inside the leaving transaction.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { ticketColumns, tickets } from "./schema.js";
import { type Actor, changeStatus, insertMessage, saveTicket } from "./ticket-changes.js";

const SYSTEM: Actor = { kind: "system", id: null };
const CLOSING_NOTE = "Fechado automaticamente: o participante saiu do programa.";

/** Closes the participant's open and pending tickets, each with its status event and a note for agents. */
export async function closeParticipantTickets(tx: Db, participantId: string): Promise<void> {
  const open = await tx
    .select(ticketColumns())
    .from(tickets)
    .where(and(eq(tickets.participantId, participantId), inArray(tickets.status, ["open", "pending"])))
    .orderBy(tickets.id)
    .for("update");
  const now = new Date();
  for (const ticket of open) {
    const changes = await changeStatus(tx, ticket, "closed", SYSTEM, now);
    await insertMessage(
      tx,
      ticket,
      { authorKind: "system", isInternal: true, source: "system", text: CLOSING_NOTE },
      now,
    );
    await saveTicket(tx, ticket, changes, now);
  }
}
