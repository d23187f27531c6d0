// Who really sent a message: the From header alone proves nothing (anyone can write any address), so
// the door checks, as a receiving mail server does, whether the From domain vouches for it (mailauth):
// DMARC (RFC 7489) passes, or, for a domain that publishes no DMARC record, a valid DKIM signature
// (RFC 6376) or an SPF pass (RFC 7208) aligned with the From domain, as DMARC would require. SPF needs
// the connecting server's address, so only the SMTP listener can check it; DKIM works for both doors.
// A DNS failure or a timeout leaves the sender unverified: never a reason to trust.
import { authenticate } from "mailauth";
import type { DnsResolver } from "../../platform/dns/resolver.js";

/** What the door learnt about the sender, stored with the message. */
export type SenderAuthentication = {
  verified: boolean;
  /** The From domain that was checked (routing compares it with the From it reads). */
  fromDomain: string | null;
  /** The results, as an Authentication-Results header would say them ("dkim=pass spf=none dmarc=none"). */
  summary: string;
};

/** What the SMTP session knows of the sending server. */
export type SmtpClient = { address?: string; helo?: string; mailFrom?: string };

/** The whole check gives up after this long: a hostile zone cannot hold the door open. */
const AUTHENTICATION_TIMEOUT_MS = 10_000;

export async function authenticateSender(
  raw: Buffer,
  options: { resolver: DnsResolver; receiver: string; client?: SmtpClient },
): Promise<SenderAuthentication> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SenderAuthentication>((resolve) => {
    timer = setTimeout(() => resolve(unverified("timeout")), AUTHENTICATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([checkSender(raw, options), timeout]);
  } catch (error) {
    return unverified(`error: ${String(error).slice(0, 200)}`);
  } finally {
    clearTimeout(timer);
  }
}

async function checkSender(
  raw: Buffer,
  options: { resolver: DnsResolver; receiver: string; client?: SmtpClient },
): Promise<SenderAuthentication> {
  const { client } = options;
  const result = await authenticate(raw, {
    resolver: options.resolver,
    mta: options.receiver,
    ...(client?.address ? { ip: client.address, helo: client.helo, sender: client.mailFrom } : {}),
    disableArc: true,
    disableBimi: true,
  });
  const from = result.dkim.headerFrom ?? [];
  // Two From addresses (or none) are how a message shows one thing to a reader and another to a check.
  if (from.length !== 1) return unverified(`from_count=${from.length}`);
  const fromDomain = domainOf(from[0]!);
  const dkim = result.dkim.results ?? [];
  const dmarc = result.dmarc ? result.dmarc.status.result : "none";
  const spf = result.spf ? result.spf.status.result : "none";
  const summary = `dkim=${dkim[0]?.status.result ?? "none"} spf=${spf} dmarc=${dmarc}`;
  if (dmarc === "pass") return { verified: true, fromDomain, summary };
  if (dmarc !== "none") return { verified: false, fromDomain, summary };
  const dkimAligned = dkim.some((entry) => entry.status.result === "pass" && Boolean(entry.status.aligned));
  const spfAligned = spf === "pass" && result.spf !== false && isAligned(result.spf.domain, fromDomain);
  return { verified: dkimAligned || spfAligned, fromDomain, summary };
}

function unverified(summary: string): SenderAuthentication {
  return { verified: false, fromDomain: null, summary };
}

export function domainOf(address: string): string {
  return address
    .slice(address.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}

/**
 * Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the other
 * (`mail.example.com` and `example.com`). Two unrelated domains never align.
 */
export function isAligned(authenticated: string, fromDomain: string): boolean {
  const a = authenticated.toLowerCase();
  const b = fromDomain.toLowerCase();
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
