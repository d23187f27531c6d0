import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("defaults to the embedded database, port 3000 and the development mailbox", () => {
    const config = loadConfig({});
    expect(config.isEmbedded).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.appUrl).toBe("http://127.0.0.1:3000");
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ SMTP_URL: "not a url" }, "SMTP_URL"],
    [{ APP_URL: "ftp://example.com" }, "APP_URL"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ ADMIN_PASSWORD: "short" }, "ADMIN_PASSWORD"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ INBOUND_SMTP_PORT: "-1" }, "INBOUND_SMTP_PORT"],
    [{ WHATSAPP_PHONE_NUMBER_ID: "not-a-number" }, "WHATSAPP_PHONE_NUMBER_ID"],
    [{ WHATSAPP_ACCESS_TOKEN: "token-without-number" }, "WHATSAPP_PHONE_NUMBER_ID"],
    [{ WHATSAPP_PHONE_NUMBER_ID: "123456" }, "WHATSAPP_ACCESS_TOKEN"],
  ])("an invalid value stops start-up naming the variable: %o", (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.map((p) => p.variable)).toEqual([variable]);
    expect(new ConfigError(problems).message).toContain(variable);
  });

  it("production requires APP_URL and APP_SECRET", () => {
    expect(problemsOf({ NODE_ENV: "production" }).map((p) => p.variable)).toEqual(["APP_URL"]);
    expect(
      problemsOf({ NODE_ENV: "production", APP_URL: "https://indique.example.com" }).map((p) => p.variable),
    ).toEqual(["APP_SECRET"]);
  });

  it("derives the reply domain and sender from APP_URL", () => {
    const config = loadConfig({ APP_URL: "https://indique.example.com/", TRUST_PROXY: "true" });
    expect(config.appUrl).toBe("https://indique.example.com");
    expect(config.replyDomain).toBe("indique.example.com");
    expect(config.mailFrom).toBe("Corrente <no-reply@indique.example.com>");
    expect(config.TRUST_PROXY).toBe(true);
  });
});
