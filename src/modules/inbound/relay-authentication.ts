// When a relay in front of Corrente already checks DKIM, SPF and DMARC (INBOUND_TRUSTED_AUTHSERV_ID),
// its verdict is read from the Authentication-Results header it adds (RFC 8601). Only the topmost such
// header counts, and only when it names the relay: the relay prepends its own above everything the
// sender wrote, so a header further down (or one naming another server) may be the sender's forgery.
import { domainOf, isAligned, type SenderAuthentication } from "./sender-authentication.js";

type ResultEntry = { method: string; result: string; properties: Map<string, string> };

/**
 * The relay's verdict on `from`: DMARC passed for its domain, or a DKIM or SPF pass aligned with it.
 * `topmost` is the first Authentication-Results header of the message (unfolded).
 */
export function relayAuthentication(
  topmost: string | undefined,
  authservId: string,
  from: string | null,
): SenderAuthentication {
  if (!topmost) return { verified: false, fromDomain: null, summary: "relay: no Authentication-Results" };
  const [id, ...entries] = withoutComments(topmost).split(";");
  if (id?.trim().split(/\s+/)[0]?.toLowerCase() !== authservId.toLowerCase()) {
    return { verified: false, fromDomain: null, summary: "relay: topmost header is not the relay's" };
  }
  const results = entries.map(resultEntry).filter((entry): entry is ResultEntry => entry !== null);
  const fromDomain = from ? domainOf(from) : null;
  const summary = `relay: ${results.map((entry) => `${entry.method}=${entry.result}`).join(" ")}`;
  return { verified: fromDomain !== null && vouchesFor(results, fromDomain), fromDomain, summary };
}

function vouchesFor(results: ResultEntry[], fromDomain: string): boolean {
  return results.some(({ method, result, properties }) => {
    if (result !== "pass") return false;
    if (method === "dmarc") return (properties.get("header.from") ?? fromDomain) === fromDomain;
    if (method === "dkim") {
      const signer = properties.get("header.d") ?? properties.get("header.i")?.replace(/^.*@/, "");
      return signer !== undefined && isAligned(signer, fromDomain);
    }
    if (method === "spf") {
      const mailFrom = properties.get("smtp.mailfrom");
      return mailFrom !== undefined && isAligned(domainOf(mailFrom), fromDomain);
    }
    return false;
  });
}

/** "dkim=pass header.d=example.com header.s=s1" → method, result and properties (lower case). */
function resultEntry(text: string): ResultEntry | null {
  const [head, ...rest] = text.trim().split(/\s+/);
  const match = head?.toLowerCase().match(/^([a-z0-9-]+)=([a-z]+)$/);
  if (!match) return null;
  const properties = new Map<string, string>();
  for (const pair of rest) {
    const eq = pair.indexOf("=");
    if (eq > 0)
      properties.set(
        pair.slice(0, eq).toLowerCase(),
        pair
          .slice(eq + 1)
          .replace(/^"|"$/g, "")
          .toLowerCase(),
      );
  }
  return { method: match[1]!, result: match[2]!, properties };
}

/** RFC 8601 values may carry comments in parentheses (nested ones too), which may hold a ";". */
function withoutComments(value: string): string {
  let text = value;
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, " ");
  }
  return text;
}
