// Our addresses that name one outbox message with a signed token, `KIND+TOKEN@domain`:
// - `reply+TOKEN`, the Reply-To: a reply answers that e-mail (inbound routes it into the helpdesk);
// - `bounce+TOKEN`, the envelope sender (VERP): a delivery report comes back to the e-mail that failed.
// Each kind is signed apart, so a reply address (which every reader sees) is never a bounce address.
// The token is lower-case base32 (mail systems may fold the local part's case) and fits the
// 64-character local-part limit of RFC 5321: 26 characters of message id and 16 of HMAC.
import { hmac, safeEqual } from "../crypto/tokens.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export type SignedAddressKind = "reply" | "bounce";

function signature(kind: SignedAddressKind, secret: string, idPart: string): string {
  return base32(hmac(secret, `${kind}:${idPart}`).subarray(0, 10));
}

function signedToken(kind: SignedAddressKind, secret: string, outboxId: string): string {
  const idPart = base32(Buffer.from(outboxId.replaceAll("-", ""), "hex"));
  return `${idPart}${signature(kind, secret, idPart)}`;
}

export function replyToken(secret: string, outboxId: string): string {
  return signedToken("reply", secret, outboxId);
}

export function replyAddress(secret: string, outboxId: string, domain: string): string {
  return `reply+${replyToken(secret, outboxId)}@${domain}`;
}

/** The envelope sender of an outbox e-mail (VERP): where its delivery reports come back. */
export function bounceAddress(secret: string, outboxId: string, domain: string): string {
  return `bounce+${signedToken("bounce", secret, outboxId)}@${domain}`;
}

/** The outbox id a reply token names, or null when the token is malformed, forged or tampered with. */
export function verifyReplyToken(secret: string, token: string): string | null {
  return verifySignedToken("reply", secret, token);
}

/**
 * The outbox ids named by the signed addresses of `kind` among `recipients` (in our domain), each once;
 * forged, tampered and foreign tokens name nothing.
 */
export function signedAddressTargets(
  kind: SignedAddressKind,
  recipients: string[],
  secret: string,
  domain: string,
): string[] {
  const ids: string[] = [];
  for (const recipient of recipients) {
    const match = recipient.toLowerCase().match(/^([a-z]+)\+([a-z2-7]{42})@(.+)$/);
    if (match?.[1] !== kind || match[3] !== domain.toLowerCase()) continue;
    const id = verifySignedToken(kind, secret, match[2]!);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function verifySignedToken(kind: SignedAddressKind, secret: string, token: string): string | null {
  const lower = token.toLowerCase();
  if (lower.length !== 42) return null;
  const idPart = lower.slice(0, 26);
  if (!safeEqual(lower.slice(26), signature(kind, secret, idPart))) return null;
  const bytes = unbase32(idPart);
  if (bytes?.length !== 16) return null;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
