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
    [{ TRUST_PROXY: "10.0.0.0/33" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "10.0.0.1, proxy.internal" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "999" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "-1" }, "TRUST_PROXY"],
    [{ HTTP_HEADERS_TIMEOUT_MS: "soon" }, "HTTP_HEADERS_TIMEOUT_MS"],
    [{ HTTP_HEADERS_TIMEOUT_MS: "60000", HTTP_REQUEST_TIMEOUT_MS: "30000" }, "HTTP_HEADERS_TIMEOUT_MS"],
    [{ HTTP_MAX_CONNECTIONS_PER_ADDRESS: "-5" }, "HTTP_MAX_CONNECTIONS_PER_ADDRESS"],
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
    // `true` is one proxy in front: the address the last proxy appended, not the client's own entry.
    expect(config.TRUST_PROXY).toBe(1);
  });

  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["true", 1],
    ["3", 3],
    [
      "10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8, loopback",
      ["10.0.0.0/8", "192.168.1.7", "::1", "fd00::/8", "loopback"],
    ],
  ])("TRUST_PROXY=%s is %o", (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it("a TRUST_PROXY list with a wrong entry names it", () => {
    const [problem] = problemsOf({ TRUST_PROXY: "10.0.0.1, proxy.internal" });
    expect(problem?.message).toContain('"proxy.internal"');
  });

  it("slow clients are cut by default: headers, request and idle timeouts and a per-address cap", () => {
    const config = loadConfig({});
    expect(config.HTTP_HEADERS_TIMEOUT_MS).toBe(15_000);
    expect(config.HTTP_REQUEST_TIMEOUT_MS).toBe(120_000);
    expect(config.HTTP_KEEP_ALIVE_TIMEOUT_MS).toBe(10_000);
    expect(config.HTTP_MAX_CONNECTIONS_PER_ADDRESS).toBe(128);
  });
});
