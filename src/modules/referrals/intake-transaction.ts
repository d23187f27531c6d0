// The transaction an intake batch runs in. Under load, every round trip to the database waits behind the
// HTTP requests queued in the event loop, so a batch sends its statements in groups: on PostgreSQL a
// group goes out at once (node-postgres pipelining) and the server runs its statements one after the
// other, each starting when the one before has finished. PGlite has no wire: it runs them in turn.
//
// On PostgreSQL the statements are also prepared, once per connection: their text never changes (the
// rows travel as JSON parameters), and planning the batch's statements anew cost PostgreSQL about as
// much as running them.
import { createHash } from "node:crypto";
import type { Writable } from "node:stream";
import type pg from "pg";
import type { Database } from "../../platform/db/client.js";
import { executePositional } from "../../platform/db/raw-sql.js";
import { inTransaction } from "../../platform/db/transaction.js";

export type Statement = {
  text: string;
  values: unknown[];
  /**
   * False for a statement whose plan must follow the tables' growth: a prepared statement keeps the plan
   * it was given when the tables were small (see intake-statements.ts).
   */
  prepare?: boolean;
};
export type Row = Record<string, unknown>;

export type IntakeTransaction = {
  /** Runs the statements in order; each one's rows, in the same order. */
  run(statements: Statement[]): Promise<Row[][]>;
  /** Runs the statements and commits (on PostgreSQL, in the same round trip). Nothing may follow. */
  runAndCommit(statements: Statement[]): Promise<Row[][]>;
};

/** Thrown when the COMMIT itself failed: the batch may or may not have been stored. */
export class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super("the commit failed: the transaction may or may not have been stored");
    this.name = "CommitFailed";
  }
}

/** Named statements by text; texts are few (each batch statement is built from a constant). */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 32;

/**
 * The statement as a named query, which node-postgres prepares on a connection the first time it runs
 * there. The name is the text's hash, so it is the same in every process. A text never seen before,
 * past the first few, runs unnamed: a statement whose text varies must not pile up prepared statements.
 */
function prepared(statement: Statement): pg.QueryConfig {
  if (statement.prepare === false) return { text: statement.text, values: statement.values };
  let name = statementNames.get(statement.text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `intake_${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`;
    statementNames.set(statement.text, name);
  }
  return { name, text: statement.text, values: statement.values };
}

export async function inIntakeTransaction<T>(
  database: Database,
  work: (tx: IntakeTransaction) => Promise<T>,
): Promise<T> {
  if (database.pool) return inPipelinedTransaction(database.pool, work);
  return inTransaction(database.db, (db) => {
    const run = async (statements: Statement[]) => {
      const results: Row[][] = [];
      for (const s of statements) results.push((await executePositional(db, s.text, s.values)).rows);
      return results;
    };
    // Drizzle commits when `work` returns.
    return work({ run, runAndCommit: run });
  });
}

async function inPipelinedTransaction<T>(pool: pg.Pool, work: (tx: IntakeTransaction) => Promise<T>) {
  const client = await pool.connect();
  // Pipelining is a client setting (pg ≥ 8.23); it is on only while this batch holds the connection.
  const pipelined = client as unknown as { pipeline: boolean; connection?: { stream?: Partial<Writable> } };
  pipelined.pipeline = true;
  // Each query is one write to the socket, and under load every write costs a system call and a wake-up
  // of the server process: a group's statements go out in one write (the socket is corked meanwhile).
  const socket = pipelined.connection?.stream;
  let state: "open" | "ended" | "unknown" = "open";
  let broken: Error | undefined;
  let begun: Promise<unknown> | undefined;
  const sendGroup = (statements: Statement[], then?: string) => {
    socket?.cork?.();
    try {
      if (!begun) {
        begun = client.query("begin");
        begun.catch(() => {}); // awaited with this group's statements; never left unhandled
      }
      const sent = statements.map((s) => client.query(prepared(s)));
      const after = then === undefined ? undefined : client.query(then);
      after?.catch(() => {}); // awaited once the group's statements have answered
      return { sent: Promise.all([begun, ...sent]), after };
    } finally {
      socket?.uncork?.();
    }
  };
  const send = async (statements: Statement[]) => {
    const [, ...results] = await sendGroup(statements).sent;
    return results.map((result) => (result as pg.QueryResult).rows as Row[]);
  };
  const runAndCommit = async (statements: Statement[]) => {
    const { sent, after: commit } = sendGroup(statements, "commit");
    state = "ended";
    // After a failed statement the server ends the transaction at the COMMIT, answering ROLLBACK.
    const rows = await sent.catch(async (error) => {
      await commit?.catch(() => {});
      throw error;
    });
    let committed: pg.QueryResult;
    try {
      committed = (await commit) as pg.QueryResult;
    } catch (error) {
      state = "unknown";
      broken = error as Error;
      throw new CommitFailed(error);
    }
    if (committed.command === "ROLLBACK") throw new Error("the intake transaction was rolled back");
    return rows.slice(1).map((result) => (result as pg.QueryResult).rows as Row[]);
  };
  try {
    const result = await work({ run: send, runAndCommit });
    if (state === "open") await runAndCommit([]);
    return result;
  } catch (error) {
    if (state === "open") {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    pipelined.pipeline = false;
    // A connection whose commit or rollback failed is closed, not reused.
    client.release(broken);
  }
}
