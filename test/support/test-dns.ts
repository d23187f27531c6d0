// A local DNS zone for mail authentication tests: the records a sending domain publishes (its DKIM key,
// SPF and DMARC policies), answered in the shape of `dns.promises.resolve`, and a DKIM key to sign
// messages with, as the sender's mail server would. Every domain publishes the test key under the test
// selector, so `dkimSigned(raw)` makes any message verifiable for its From domain; a message that is
// not signed (or is changed after signing) stays unverified, as it would on the internet.
import { generateKeyPairSync } from "node:crypto";
import { type DKIMSignOptions, dkimSign } from "mailauth";
import type { DnsResolver } from "../../src/platform/dns/resolver.js";

export const TEST_DKIM_SELECTOR = "corrente-test";

const testKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyRecord = `v=DKIM1; k=rsa; p=${testKey.publicKey.export({ type: "spki", format: "der" }).toString("base64")}`;
const privateKeyPem = testKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString();

function notFound(name: string): Error {
  return Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND", hostname: name });
}

export class TestDnsZone {
  private readonly records = new Map<string, string[]>();
  readonly queries: string[] = [];

  /** Publishes a TXT record (an SPF or DMARC policy, another DKIM key). */
  addTxt(name: string, value: string): this {
    const key = `TXT ${name.toLowerCase()}`;
    this.records.set(key, [...(this.records.get(key) ?? []), value]);
    return this;
  }

  readonly resolver: DnsResolver = async (name, rrtype) => {
    const lower = name.toLowerCase();
    this.queries.push(`${rrtype} ${lower}`);
    const found = this.records.get(`${rrtype} ${lower}`);
    if (found) return rrtype === "TXT" ? found.map((value) => [value]) : found;
    if (rrtype === "TXT" && lower.startsWith(`${TEST_DKIM_SELECTOR}._domainkey.`)) return [[publicKeyRecord]];
    throw notFound(name);
  };
}

/** The message as its domain's mail server sends it: DKIM-signed (RFC 6376) for the From domain. */
export async function dkimSigned(raw: Buffer, domain = fromDomainOf(raw)): Promise<Buffer> {
  // mailauth 4 signs what `signatureData` lists; its bundled types describe only the later flat form.
  const options = {
    signatureData: [{ signingDomain: domain, selector: TEST_DKIM_SELECTOR, privateKey: privateKeyPem }],
  };
  const signed = await dkimSign(raw, options as unknown as DKIMSignOptions);
  if (!signed.signatures.startsWith("DKIM-Signature:")) throw new Error("DKIM signing produced no signature");
  if (signed.errors.length > 0) throw new Error(`DKIM signing failed: ${JSON.stringify(signed.errors)}`);
  return Buffer.concat([Buffer.from(signed.signatures), raw]);
}

function fromDomainOf(raw: Buffer): string {
  const from = raw.toString("latin1").match(/^From:.*?@([A-Za-z0-9.-]+)/im)?.[1];
  if (!from) throw new Error("The message has no From address to sign for");
  return from.toLowerCase();
}
