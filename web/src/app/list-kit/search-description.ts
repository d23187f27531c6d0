// A list page's filters, sort and order live in its URL (they survive reloads and can be shared). Each
// page describes its query parameters once; reading drops what the API would refuse, so a hand-edited
// address never breaks the page, and writing leaves default values out, so URLs stay short.

/** How one query parameter reads from the URL; its fallback is what an absent or unusable value means. */
export type SearchParam<V extends string> = {
  fallback: V;
  /** The URL's value as the page uses it, or undefined when the page cannot use it. */
  read: (raw: string) => V | undefined;
  /** Whether a value other than the fallback narrows the list (sorting and views do not). */
  narrows: boolean;
};

type AnyParams = Record<string, SearchParam<string>>;
export type SearchValues<P extends AnyParams> = {
  [K in keyof P]: P[K] extends SearchParam<infer V> ? V : never;
};

export type SearchDescription<F> = {
  parse: (search: URLSearchParams) => F;
  /** The values as query parameters, in the order they were described, defaults left out. */
  serialize: (values: F) => URLSearchParams;
  defaults: F;
  /** True when anything narrows the list, for the "no results for these filters" message. */
  isNarrowed: (values: F) => boolean;
};

/** Free text (a search, an id); trimmed. */
export function textParam({ narrows = true } = {}): SearchParam<string> {
  return { fallback: "", read: (raw) => raw.trim(), narrows };
}

/** Free text of a given shape (a day, a month); anything else reads as empty. */
export function patternParam(pattern: RegExp): SearchParam<string> {
  return { fallback: "", read: (raw) => (pattern.test(raw.trim()) ? raw.trim() : undefined), narrows: true };
}

/** An optional filter with known values; empty means "any". */
export function oneOfParam<V extends string>(values: readonly V[]): SearchParam<V | ""> {
  return { fallback: "", read: (raw) => values.find((value) => value === raw.trim()), narrows: true };
}

/** A choice that always has a value (a view, a tab, a sort column or order); it does not count as a filter. */
export function choiceParam<V extends string>(values: readonly V[], fallback: V): SearchParam<V> {
  return { fallback, read: (raw) => values.find((value) => value === raw), narrows: false };
}

/**
 * The page's description. `refine` applies rules between parameters after reading (a reason only
 * within its status).
 */
export function describeSearch<P extends AnyParams>(
  params: P,
  refine: (values: SearchValues<P>) => SearchValues<P> = (values) => values,
): SearchDescription<SearchValues<P>> {
  const keys = Object.keys(params) as (keyof P & string)[];
  const defaults = Object.fromEntries(keys.map((key) => [key, params[key]!.fallback])) as SearchValues<P>;
  return {
    defaults,
    parse(search) {
      const values: Record<string, string> = {};
      for (const key of keys) {
        const raw = search.get(key);
        values[key] = (raw === null ? undefined : params[key]!.read(raw)) ?? params[key]!.fallback;
      }
      return refine(values as SearchValues<P>);
    },
    serialize(values) {
      const search = new URLSearchParams();
      for (const key of keys) if (values[key] !== params[key]!.fallback) search.set(key, values[key]);
      return search;
    },
    isNarrowed: (values) => keys.some((key) => params[key]!.narrows && values[key] !== params[key]!.fallback),
  };
}

/** A select's value as one of the known values, or "" ("any"): keeps a filter's type narrow. */
export function knownOrEmpty<V extends string>(values: readonly V[], value: string): V | "" {
  return values.find((known) => known === value) ?? "";
}
