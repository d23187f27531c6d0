// DNS look-ups for mail authentication (DKIM keys, SPF and DMARC records), behind one function type so
// tests give a local fake zone instead of the network. The shape is `dns.promises.resolve`'s: TXT
// answers come as string chunks per record; a name without records throws with code ENOTFOUND/ENODATA.
import { Resolver } from "node:dns/promises";

export type DnsResolver = (name: string, rrtype: string) => Promise<string[] | string[][]>;

/** Each query gives up after this long (per try): a slow zone makes a sender unverified, not a door hang. */
const QUERY_TIMEOUT_MS = 2_000;

/** The system's resolvers (resolv.conf), with short timeouts. */
export function systemDnsResolver(): DnsResolver {
  const resolver = new Resolver({ timeout: QUERY_TIMEOUT_MS, tries: 2 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[] | string[][]>;
}
