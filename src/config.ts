// The environment, parsed and validated once at start-up. This is the only module that reads
// process.env: everything else receives a Config.
import { z } from "zod";
import { parseTrustProxy } from "./platform/http/trusted-proxies.js";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const trustProxy = z.preprocess(emptyToUndefined, z.string().optional()).transform((value, context) => {
  const parsed = parseTrustProxy(value);
  if ("problem" in parsed) {
    context.addIssue({ code: "custom", message: parsed.problem });
    return z.NEVER;
  }
  return parsed.value;
});
const milliseconds = (fallback: number, min: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(3_600_000).default(fallback));
const port = (fallback?: number) =>
  z.preprocess(
    emptyToUndefined,
    fallback === undefined
      ? z.coerce.number().int().min(1).max(65535).optional()
      : z.coerce.number().int().min(0).max(65535).default(fallback),
  );
const urlWithProtocols = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}` },
  );

export const ZEnvironment = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(["development", "production", "test"]).default("development"),
  ),
  PORT: port(3000),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  APP_URL: z.preprocess(emptyToUndefined, urlWithProtocols(["http:", "https:"]).optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  DATABASE_URL: z.preprocess(emptyToUndefined, urlWithProtocols(["postgres:", "postgresql:"]).optional()),
  DATABASE_POOL_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, "must be at least 12 characters long").optional(),
  ),
  SMTP_URL: z.preprocess(emptyToUndefined, urlWithProtocols(["smtp:", "smtps:"]).optional()),
  MAIL_FROM: optionalString,
  MAIL_REPLY_DOMAIN: optionalString,
  INBOUND_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  INBOUND_SMTP_PORT: port(),
  // The authserv-id of a relay in front of us whose Authentication-Results header is trusted instead of
  // checking DKIM, SPF and DMARC here (src/modules/inbound/relay-authentication.ts).
  INBOUND_TRUSTED_AUTHSERV_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, "must be the relay's host name, as its Authentication-Results say it")
      .optional(),
  ),
  TRUST_PROXY: trustProxy,
  // Slow clients (issue 16.9): how long a request's headers, and the whole request, may take to
  // arrive, and how long an idle kept-alive connection stays open.
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(15_000, 100),
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(120_000, 100),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(10_000, 100),
  // Open connections one client address may hold (0: no cap). Peers that are trusted proxies are not
  // counted: every client behind them shares their address.
  HTTP_MAX_CONNECTIONS_PER_ADDRESS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(100_000).default(128),
  ),
  APP_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  // WhatsApp Cloud API (Meta). Without a token and phone number id, messages go to the development mailbox.
  WHATSAPP_API_URL: z.preprocess(
    emptyToUndefined,
    urlWithProtocols(["http:", "https:"]).default("https://graph.facebook.com/v21.0"),
  ),
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9]+$/, "must be the numeric phone number id")
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export type TEnvironment = z.infer<typeof ZEnvironment>;

export type Config = TEnvironment & {
  appUrl: string;
  isProduction: boolean;
  /** The embedded default: PGlite in DATA_DIR, in-process jobs, demo data. */
  isEmbedded: boolean;
  mailFrom: string;
  replyDomain: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ZEnvironment.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";
  if (Boolean(values.WHATSAPP_ACCESS_TOKEN) !== Boolean(values.WHATSAPP_PHONE_NUMBER_ID)) {
    const missing = values.WHATSAPP_ACCESS_TOKEN ? "WHATSAPP_PHONE_NUMBER_ID" : "WHATSAPP_ACCESS_TOKEN";
    throw new ConfigError([{ variable: missing, message: "is required with the other WHATSAPP_ variable" }]);
  }
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError([
      { variable: "HTTP_HEADERS_TIMEOUT_MS", message: "must not be longer than HTTP_REQUEST_TIMEOUT_MS" },
    ]);
  }
  if (isProduction && !values.APP_URL) {
    throw new ConfigError([{ variable: "APP_URL", message: "is required when NODE_ENV=production" }]);
  }
  if (isProduction && !values.APP_SECRET) {
    throw new ConfigError([
      {
        variable: "APP_SECRET",
        message: "is required when NODE_ENV=production (a random string of 32+ characters)",
      },
    ]);
  }
  const publicHost = values.HOST === "0.0.0.0" || values.HOST === "::" ? "localhost" : values.HOST;
  const appUrl = values.APP_URL ?? `http://${publicHost}:${values.PORT}`;
  return withPublicUrl({ ...values, isProduction, isEmbedded: !values.DATABASE_URL }, appUrl);
}

/**
 * The configuration with `url` as the address people reach the product at, and what follows from it
 * (the reply domain and sender, unless set): e-mail links and reply addresses are built from these.
 */
export function withPublicUrl<T extends Omit<Config, "appUrl" | "mailFrom" | "replyDomain">>(
  config: T,
  url: string,
): T & Pick<Config, "appUrl" | "mailFrom" | "replyDomain"> {
  const appUrl = url.replace(/\/+$/, "");
  const replyDomain = config.MAIL_REPLY_DOMAIN ?? new URL(appUrl).hostname;
  return {
    ...config,
    appUrl,
    mailFrom: config.MAIL_FROM ?? `Corrente <no-reply@${replyDomain}>`,
    replyDomain,
  };
}
