import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { replyAddress, replyToken, verifyReplyToken } from "./reply-address.js";

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
