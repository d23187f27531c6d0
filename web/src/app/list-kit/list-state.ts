import type { UseQueryResult } from "@tanstack/react-query";
import type { RefObject } from "react";

/** What a list section shows: its rows and how loading them went; paging is optional. */
export type ListState<T> = {
  items: T[];
  isPending: boolean;
  /** True only when nothing could be shown: a failed "load more" keeps the rows already there. */
  isError: boolean;
  error: unknown;
  refetch: () => void;
  paging?: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    loadMore: () => void;
    /** The element holding the rows, where "load more" looks for the first new one to focus. */
    rowsRef: RefObject<HTMLDivElement | null>;
  };
};

/** A list that arrives whole (materials, catalog) as a list section's state. */
export function wholeListState<T>(query: UseQueryResult<T[]>): ListState<T> {
  return {
    items: query.data ?? [],
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
