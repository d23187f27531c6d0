// Issue 16.11: a log line is no credential and no copy of personal data. Sign-in links and consent
// links carry their token in the path; a failed query's error carries its parameters (Drizzle lists
// them in the message) and PostgreSQL repeats values in its message and detail. The log output is
// captured as the process writes it, on both engines.
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/back-office.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("what the logs leave out", () => {
  let t: TestApp;
  const lines: string[] = [];
  const output = () => lines.join("\n");
  beforeAll(async () => {
    const logger = pino({ level: "trace" }, { write: (line: string) => lines.push(line) });
    t = await createTestApp({}, { logger });
  });
  afterAll(() => t.close());

  const requestLineFor = (path: string) =>
    lines
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === "request completed" && line.route === path);

  it("a magic-link sign-in's token is not in the request log", async () => {
    const token = "MagicLinkToken1234567890abcdefXYZ";
    await call(t, null, "GET", `/portal/auth/${token}?next=/portal/tickets`);
    expect(output()).not.toContain(token);
    expect(requestLineFor("/portal/auth/:token")?.req.url).toBe(
      "/portal/auth/[redacted]?next=/portal/tickets",
    );
  });

  it("a contact's consent token is not in the request log", async () => {
    const token = "ConsentToken0987654321zyxwvuQRS";
    await call(t, null, "GET", `/c/${token}?lang=en`);
    await t.app.inject({ method: "POST", url: `/c/${token}`, payload: { decision: "objected" } });
    expect(output()).not.toContain(token);
    expect(requestLineFor("/c/:token")?.req.url).toBe("/c/[redacted]?lang=en");
  });

  it("a token in a query string is not in the request log", async () => {
    const token = "QueryToken5555aaaabbbbcccc";
    await call(t, null, "GET", `/healthz?token=${token}&other=1`);
    expect(output()).not.toContain(token);
    expect(requestLineFor("/healthz")?.req.url).toBe("/healthz?token=[redacted]&other=1");
  });

  it("a failed query's log line has no parameter values", async () => {
    const email = "maria.silva@cliente-exemplo.com.br";
    const name = "Maria Confidencial da Silva";
    const failures: unknown[] = [];
    // A value PostgreSQL cannot cast (its message quotes the value).
    await t.ctx.db.execute(sql`select ${email}::uuid, ${name}::text`).catch((error) => failures.push(error));
    // A unique violation (its detail repeats the key: "Key (email)=(…) already exists").
    await t.ctx.db.execute(sql`create table log_probe (email text primary key, name text)`);
    await t.ctx.db
      .execute(sql`insert into log_probe values (${email}, ${name}), (${email}, ${name})`)
      .catch((error) => failures.push(error));
    expect(failures).toHaveLength(2);
    for (const error of failures) {
      // The values are really in the error as the database driver hands it over…
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).toContain(email);
      t.ctx.logger.error({ err: error }, "query failed");
    }
    const logged = lines.filter((line) => line.includes("query failed"));
    expect(logged).toHaveLength(2);
    for (const line of logged) {
      // …and not in the log line, which still says what failed.
      expect(line).not.toContain(email);
      expect(line).not.toContain(name);
      expect(line).toContain("Failed query");
    }
    expect(logged[1]).toContain("log_probe");
  });
});
