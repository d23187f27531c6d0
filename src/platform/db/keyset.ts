// Keyset pagination (DESIGN "HTTP contract": `?limit=&cursor=` → `{items, nextCursor}`). The cursor is
// the sort key and id of the last row, opaque to clients (base64url JSON), checked when read back.
import { Invalid } from "../http/errors.js";

export type KeysetPosition = { key: string | number | null; id: string };

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === "string" || typeof value[0] === "number" || value[0] === null) &&
      typeof value[1] === "string" &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // falls through to the field error
  }
  throw new Invalid({ cursor: ["Cursor inválido: use o nextCursor da página anterior."] }, "Invalid cursor.");
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
