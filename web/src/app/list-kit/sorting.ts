export const sortOrders = ["asc", "desc"] as const;
export type SortOrder = (typeof sortOrders)[number];

type Sorted<K extends string> = { sort: K; order: SortOrder };

/**
 * A click on a column header: the same column flips its order; another column starts in the order
 * that column reads best in (names A→Z, dates newest first, deadlines soonest first).
 */
export function sortedBy<F extends Sorted<K>, K extends string>(
  filters: F,
  key: K,
  firstOrder: SortOrder,
): F {
  const order = filters.sort === key ? (filters.order === "asc" ? "desc" : "asc") : firstOrder;
  return { ...filters, sort: key, order };
}

export function ariaSortOf(isActive: boolean, order: SortOrder): "ascending" | "descending" | "none" {
  if (!isActive) return "none";
  return order === "asc" ? "ascending" : "descending";
}
