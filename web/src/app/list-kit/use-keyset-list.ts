import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useSearchParams } from "react-router";
import { useFocusNewRows } from "./focus-new-rows";
import type { ListState } from "./list-state";
import type { SearchDescription } from "./search-description";

/** One page of a keyset-paginated list, as every list endpoint answers (`?limit=&cursor=`). */
export type KeysetPage<T> = { items: T[]; nextCursor: string | null };

type KeysetListOptions<F, TPage> = {
  /** How the page's filters, sort and order read from and write to its URL. */
  search: SearchDescription<F>;
  queryKey: (filters: F) => QueryKey;
  fetchPage: (filters: F, cursor: string | null) => Promise<TPage>;
  enabled?: boolean;
  /**
   * The focusable element of each row; after "load more" the focus moves to the first new one, since
   * the button the keyboard user pressed is busy or gone. Without it the focus stays on the button.
   */
  rowSelector?: string;
};

/** A keyset list bound to the URL: changing the filters is navigating, so Back undoes it. */
export function useKeysetList<TPage extends KeysetPage<unknown>, F>(options: KeysetListOptions<F, TPage>) {
  type Item = TPage["items"][number];
  const { search, queryKey, fetchPage, enabled = true, rowSelector } = options;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = search.parse(searchParams);
  const query = useInfiniteQuery({
    queryKey: queryKey(filters),
    queryFn: ({ pageParam }) => fetchPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
  const items: Item[] = query.data?.pages.flatMap((page) => page.items) ?? [];
  const rowsRef = useRef<HTMLDivElement>(null);
  const expectNewRows = useFocusNewRows(rowsRef, rowSelector, items.length);

  const state: ListState<Item> = {
    items,
    isPending: query.isPending,
    isError: query.isError && items.length === 0,
    error: query.error,
    refetch: () => void query.refetch(),
    paging: {
      hasNextPage: query.hasNextPage,
      isFetchingNextPage: query.isFetchingNextPage,
      isFetchNextPageError: query.isFetchNextPageError,
      loadMore() {
        expectNewRows();
        void query.fetchNextPage();
      },
      rowsRef,
    },
  };
  return {
    filters,
    apply: (next: F) => setSearchParams(search.serialize(next)),
    /** The list's query string, carried to a detail page so its "back" link returns to the same list. */
    listSearch: searchParams.toString(),
    isNarrowed: search.isNarrowed(filters),
    /** The first page, for what the API sends beside the rows (counts by status). */
    firstPage: query.data?.pages[0],
    state,
  };
}
