import { type RefObject, useEffect, useRef } from "react";

/**
 * "Load more" for keyboard users: the button they pressed is gone or disabled while loading, so once
 * the new rows are on screen the focus moves to the first of them (its element matching `selector`).
 * Without a selector nothing moves.
 */
export function useFocusNewRows(
  container: RefObject<HTMLElement | null>,
  selector: string | undefined,
  rowCount: number,
) {
  const firstNewRow = useRef<number | null>(null);
  useEffect(() => {
    const index = firstNewRow.current;
    if (index === null || rowCount <= index) return;
    firstNewRow.current = null;
    if (!selector) return;
    container.current?.querySelectorAll<HTMLElement>(selector)[index]?.focus();
  }, [container, selector, rowCount]);
  /** Call before fetching the next page. */
  return () => {
    firstNewRow.current = rowCount;
  };
}
