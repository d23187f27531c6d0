// Full-text search over a ticket's subject, participant and messages, in Portuguese and accent-
// insensitive: "indicação" finds "indicacao" and the reverse. The SQL functions are created by the
// migration (0004_helpdesk): the document is indexed twice, once through `unaccent` then the
// Portuguese stemmer (accents ignored) and once through the plain Portuguese stemmer (which still joins
// "indicação" and "indicações", something it cannot do once the accents are gone). A query word
// matches through either, and as a prefix, so "indic" finds both while the agent types.
import { type SQL, sql } from "drizzle-orm";

const MAX_WORDS = 8;

/** The tsvector of a piece of text, appended to a ticket's `search_vector`. */
export function searchDocument(text: string): SQL {
  return sql`helpdesk_search_document(${text})`;
}

/**
 * The words of a query: letters and digits only, so nothing the agent types can reach tsquery syntax.
 * Empty when nothing is left to search for.
 */
export function searchWords(query: string): string[] {
  return (query.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** A condition on `vector` that holds when every word of the query matches (as a prefix). */
export function matchesSearch(vector: SQL, words: string[]): SQL {
  const terms = words.map((word) => sql`helpdesk_search_term(${word})`);
  return sql`${vector} @@ (${sql.join(terms, sql` && `)})`;
}

/** "#123" or "123": an agent looking a ticket up by its number. */
export function ticketNumberIn(query: string): number | null {
  const match = query.trim().match(/^#?(\d{1,9})$/);
  return match ? Number(match[1]) : null;
}
