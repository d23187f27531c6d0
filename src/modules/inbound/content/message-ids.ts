/**
 * The Message-IDs in a Message-ID, In-Reply-To or References value, in order, with angle brackets
 * (RFC 5322 §3.6.4). Some clients drop the brackets or separate ids with commas; those are wrapped.
 */
export function messageIdList(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed;
  return value
    .split(/[\s,]+/)
    .filter((id) => id.includes("@"))
    .map((id) => `<${id}>`);
}
