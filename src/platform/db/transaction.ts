import type { Db } from "./client.js";

/**
 * Runs one use case in one transaction. Outbox rows and jobs written through `tx` commit or roll
 * back with the change that caused them. Inside `work`, use only `tx`: on PGlite a query on the outer
 * handle would wait for this very transaction to end.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
