// Keyset pagination (DESIGN "HTTP contract": `?limit=&cursor=` → `{items, nextCursor}`). The cursor is
// the sort key and id of the last row, opaque to clients (base64url JSON). Every list reads it back
// through `decodeCursor`, which checks it strictly against the kind of key the list sorts by: a
// tampered cursor (wrong types, `1e308`, an id of 36 dashes) is a 422 `invalid_cursor`, never a value
// PostgreSQL fails to cast.
import { z } from "zod";
import { Invalid } from "../http/errors.js";

export type KeysetPosition = { key: string | number | null; id: string };
/** What a list's sort key must look like to be read back. */
export type CursorKey = (key: unknown) => boolean;

/** The query parameter of every list. */
export const ZCursor = z
  .string()
  .max(2000)
  .describe("The `nextCursor` of the previous page, as it was given.");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant as `Date.toISOString` writes it, and a real one (no 13th month). */
export function isIsoInstant(key: unknown): key is string {
  if (typeof key !== "string" || !ISO_INSTANT.test(key)) return false;
  const date = new Date(key);
  return !Number.isNaN(date.getTime()) && date.toISOString() === key;
}

export const cursorKeys = {
  /** A timestamp column. */
  instant: isIsoInstant as CursorKey,
  /** A nullable timestamp column. */
  instantOrNull: ((key) => key === null || isIsoInstant(key)) as CursorKey,
  /** A text column (its value as stored). */
  text: ((key) => typeof key === "string" && key.length <= 1000 && !key.includes("\u0000")) as CursorKey,
  /** A `YYYY-MM` month. */
  month: ((key) => typeof key === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(key)) as CursorKey,
};

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString("base64url");
}

export function invalidCursor(): Invalid {
  return new Invalid(
    { cursor: ["Cursor inválido: use o nextCursor da página anterior."] },
    "Invalid cursor.",
    "invalid_cursor",
  );
}

/** The position a cursor names, when its key is what `isKey` accepts and its id a UUID; else 422. */
export function decodeCursor(cursor: string, isKey: CursorKey): KeysetPosition {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalidCursor();
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalidCursor();
  const [key, id] = value as [unknown, unknown];
  if (typeof id !== "string" || !UUID.test(id) || !isKey(key)) throw invalidCursor();
  return { key: key as KeysetPosition["key"], id };
}

/** Fetch one row more than asked: its presence says whether there is a next page. */
export function pageOf<TRow>(
  rows: TRow[],
  limit: number,
  positionOf: (row: TRow) => KeysetPosition,
): { items: TRow[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
