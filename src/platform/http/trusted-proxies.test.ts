import { describe, expect, it } from "vitest";
import { parseTrustProxy, trustedPeerCheck } from "./trusted-proxies.js";

describe("trusted proxies", () => {
  it("reads false, true (one hop), hop counts and lists", () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false });
    expect(parseTrustProxy("no")).toEqual({ value: false });
    expect(parseTrustProxy("TRUE")).toEqual({ value: 1 });
    expect(parseTrustProxy("2")).toEqual({ value: 2 });
    expect(parseTrustProxy(" 10.0.0.0/8 ,192.0.2.1")).toEqual({ value: ["10.0.0.0/8", "192.0.2.1"] });
  });

  it.each([
    "maybe",
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.1/8/2",
    "10.0.0.256",
    "proxy.internal",
    "10.0.0.1,",
    "0x10",
  ])("refuses %s", (value) => {
    expect(parseTrustProxy(value)).toHaveProperty("problem");
  });

  it("checks a peer against the listed addresses, ranges and named ranges, IPv4-mapped or not", () => {
    const isTrusted = trustedPeerCheck(["10.0.0.0/8", "192.0.2.7", "loopback", "fd00::/8"]);
    expect(isTrusted("10.200.3.4")).toBe(true);
    expect(isTrusted("::ffff:10.1.1.1")).toBe(true);
    expect(isTrusted("192.0.2.7")).toBe(true);
    expect(isTrusted("192.0.2.8")).toBe(false);
    expect(isTrusted("127.0.0.1")).toBe(true);
    expect(isTrusted("::1")).toBe(true);
    expect(isTrusted("fd12::1")).toBe(true);
    expect(isTrusted("2001:db8::1")).toBe(false);
    expect(isTrusted("not an address")).toBe(false);
  });

  it("without proxies no peer is one; with a hop count every peer is", () => {
    expect(trustedPeerCheck(false)("10.0.0.1")).toBe(false);
    expect(trustedPeerCheck(1)("203.0.113.5")).toBe(true);
  });
});
