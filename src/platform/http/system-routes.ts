import { sql } from "drizzle-orm";
import { z } from "zod";
import { listDevMailbox } from "../mail/dev-mailbox.js";
import { renderDevMailboxPage } from "../mail/dev-mailbox-page.js";
import { access } from "./access.js";
import { type RouteModule, withZod } from "./route-module.js";

const ZMailboxItem = z.object({
  channel: z.enum(["email", "whatsapp"]),
  to: z.string(),
  from: z.string(),
  replyTo: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string(),
  links: z.array(z.string()),
  sentAt: z.string(),
});

export const systemRoutes: RouteModule = (app, ctx) => {
  const r = withZod(app);

  // GET /healthz – ok once the database answers
  r.get("/healthz", {
    config: { access: access.public },
    schema: { tags: ["system"], response: { 200: z.object({ status: z.literal("ok") }) } },
    handler: async () => {
      await ctx.db.execute(sql`select 1`);
      return { status: "ok" as const };
    },
  });

  // Production has no development mailbox (its mail leaves by SMTP): the routes do not exist there, so
  // neither its route table nor its API document lists them.
  if (ctx.config.isProduction) return;

  // GET /api/dev/mailbox – development only: every e-mail (and WhatsApp message) "sent", newest first.
  // It lists every sign-in link: anyone may read it only while the server listens on loopback alone,
  // otherwise only signed-in staff (the guard's development audience); others get a 404.
  r.get("/api/dev/mailbox", {
    config: { access: access.development },
    schema: {
      tags: ["development"],
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        channel: z.enum(["email", "whatsapp"]).optional(),
      }),
      response: { 200: z.object({ items: z.array(ZMailboxItem) }) },
    },
    handler: async (request) => ({
      items: await listDevMailbox(ctx.db, request.query.limit, request.query.channel),
    }),
  });

  // GET /dev/mailbox – development only: the same mailbox as a page
  r.get("/dev/mailbox", {
    config: { access: access.development },
    schema: { hide: true },
    handler: async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(renderDevMailboxPage(await listDevMailbox(ctx.db, 100))),
  });
};
