import { describe, expect, it } from "vitest";
import { logSerializers, redactedUrl } from "./log-redaction.js";

describe("log redaction", () => {
  it.each([
    ["/portal/auth/abc123?next=/portal", "/portal/auth/:token", "/portal/auth/[redacted]?next=/portal"],
    ["/c/xyz", "/c/:token", "/c/[redacted]"],
    ["/api/admin/tickets/1?q=a", "/api/admin/tickets/:id", "/api/admin/tickets/1?q=a"],
    ["/x?token=abc&a=1&resetToken=z", undefined, "/x?token=[redacted]&a=1&resetToken=[redacted]"],
    ["/x?a", undefined, "/x?a"],
  ])("%s (route %s) is logged as %s", (url, route, expected) => {
    expect(redactedUrl(url, route)).toBe(expected);
  });

  it("a failed query's error loses its parameters, PostgreSQL's detail and quoted value", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "ana@example.com"'), {
      code: "22P02",
      severity: "ERROR",
      detail: "Key (email)=(ana@example.com) already exists.",
    });
    const failed = Object.assign(new Error("Failed query: select $1::uuid\nparams: ana@example.com"), {
      query: "select $1::uuid",
      params: ["ana@example.com"],
      cause,
    });
    const logged = JSON.stringify(logSerializers.err(failed));
    expect(logged).not.toContain("ana@example.com");
    expect(logged).toContain("select $1::uuid");
    expect(logged).toContain("22P02");
  });

  it("other errors are logged as they are", () => {
    expect(JSON.stringify(logSerializers.err(new Error("plain failure")))).toContain("plain failure");
  });
});
