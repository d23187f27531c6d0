// Which peers are proxies whose X-Forwarded-For is believed (TRUST_PROXY). A client can write any
// X-Forwarded-For it likes, and each proxy appends the address it saw to the right, so the client
// address is the right-most entry a trusted proxy appended: with a hop count, that many peers are
// skipped from the right; with a list, every listed proxy is skipped. Trusting everyone (Fastify's
// `trustProxy: true`) takes the left-most entry, which the client wrote itself: never offered.
import { BlockList, isIP } from "node:net";

/** `false`: the socket's peer is the client. A number: that many proxies in front. A list: these proxies. */
export type TrustProxy = false | number | string[];

// The named ranges proxy-addr (Fastify's) knows, spelled out so connection checks agree with it.
const namedRanges: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

const FALSE_WORDS = new Set(["", "false", "0", "no"]);
const TRUE_WORDS = new Set(["true", "yes"]);

/** The setting of a TRUST_PROXY value, or the problem with it (for the configuration's message). */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { problem: string } {
  const text = (raw ?? "").trim().toLowerCase();
  if (FALSE_WORDS.has(text)) return { value: false };
  // `true` is one proxy in front: the entry the last proxy appended.
  if (TRUE_WORDS.has(text)) return { value: 1 };
  if (/^[0-9]+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 32 ? { value: hops } : { problem: "a hop count must be between 1 and 32" };
  }
  const entries = text.split(",").map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) {
    return {
      problem:
        `must be false, true, a hop count or a comma-separated list of proxy addresses or CIDR ranges ` +
        `(or loopback, linklocal, uniquelocal); not understood: ${wrong.map((w) => JSON.stringify(w)).join(", ")}`,
    };
  }
  return { value: entries };
}

function isAddressOrRange(entry: string): boolean {
  if (entry in namedRanges) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** An address as sockets report it, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4. */
export function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => namedRanges[e] ?? [e])) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** Whether the socket's peer at `address` is a trusted proxy (so not itself a client to count). */
export function trustedPeerCheck(setting: TrustProxy): (address: string) => boolean {
  if (setting === false) return () => false;
  // A hop count says every peer is a proxy: the server is reachable only through them.
  if (typeof setting === "number") return () => true;
  const list = blockListOf(setting);
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * Fastify's `trustProxy` for the setting, as its trust function: proxy-addr walks from the socket's
 * peer (hop 0) back through X-Forwarded-For, right to left, and the first untrusted hop is the client.
 */
export function fastifyTrustProxy(setting: TrustProxy): false | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  const isTrusted = trustedPeerCheck(setting);
  return (address) => isTrusted(address);
}
