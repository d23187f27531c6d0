import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bounceAddress,
  replyAddress,
  replyToken,
  signedAddressTargets,
  verifyReplyToken,
} from "./reply-address.js";

const secret = "a-test-secret-that-is-long-enough-000";

describe("reply address tokens", () => {
  it("round-trips the outbox id and fits the 64-character local-part limit", () => {
    const id = randomUUID();
    const address = replyAddress(secret, id, "mail.example.com");
    const localPart = address.split("@")[0]!;
    expect(localPart.length).toBeLessThanOrEqual(64);
    expect(localPart).toMatch(/^reply\+[a-z2-7]{42}$/);
    expect(verifyReplyToken(secret, localPart.slice("reply+".length))).toBe(id);
  });

  it("survives a mail system that upper-cases the local part", () => {
    const id = randomUUID();
    expect(verifyReplyToken(secret, replyToken(secret, id).toUpperCase())).toBe(id);
  });

  it("rejects a tampered, truncated or foreign-key token", () => {
    const token = replyToken(secret, randomUUID());
    const flipped = `${token[0] === "a" ? "b" : "a"}${token.slice(1)}`;
    expect(verifyReplyToken(secret, flipped)).toBeNull();
    expect(verifyReplyToken(secret, token.slice(0, -1))).toBeNull();
    expect(verifyReplyToken("another-secret-that-is-long-enough-1", token)).toBeNull();
    expect(verifyReplyToken(secret, "")).toBeNull();
  });
});

describe("bounce address tokens", () => {
  it("name the outbox e-mail, and a reply token is never a bounce token (each kind is signed apart)", () => {
    const id = randomUUID();
    const domain = "mail.example.com";
    const bounce = bounceAddress(secret, id, domain);
    expect(bounce.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(signedAddressTargets("bounce", [bounce.toUpperCase()], secret, domain)).toEqual([id]);
    const reply = replyAddress(secret, id, domain);
    expect(
      signedAddressTargets("bounce", [reply, reply.replace("reply+", "bounce+")], secret, domain),
    ).toEqual([]);
    expect(signedAddressTargets("bounce", [bounce], secret, "other.example.com")).toEqual([]);
  });
});
