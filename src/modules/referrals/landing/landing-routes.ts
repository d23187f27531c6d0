// The public landing page with its referral form (no JavaScript needed), and the enhancement script.
import { existsSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../platform/context.js";
import { access } from "../../../platform/http/access.js";
import { Invalid, NotFound, TooManyRequests } from "../../../platform/http/errors.js";
import { clientInfo, withZod } from "../../../platform/http/route-module.js";
import { type Locale, resolveLocale } from "../../../platform/i18n/locale.js";
import { projectPath } from "../../../platform/paths.js";
import { todayIn } from "../../../shared/today.js";
import { getProgramBySlugOrThrow, isProgramRunning, type Program } from "../../programs/index.js";
import { listAvailableRewardItems } from "../../rewards/index.js";
import { referralSubmissionErrors, ZReferralSubmission } from "../referral-input.js";
import { submitReferral } from "../submit-referral.js";
import { type LandingView, renderLandingPage } from "./landing-page.js";
import { landingWords } from "./landing-words.js";

// Built with the web app (`npm run build:web`, from web/src/landing); without it the form still works.
const enhancePath = projectPath("dist", "landing", "landing.js");
const enhanceScript = existsSync(enhancePath) ? readFileSync(enhancePath, "utf8") : null;
const ZParams = z.object({ programSlug: z.string().min(1).max(100) });
const ZQuery = z.object({ lang: z.string().max(20).optional(), sent: z.string().max(5).optional() });
// What an HTML form posts: every value a string (repeated names are not used by this form).
const ZFormBody = z.record(z.string().max(64), z.string().max(5000));

export async function landingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = withZod(app);
  const localeOf = (lang: string | undefined, header: unknown, program: Program): Locale =>
    resolveLocale(lang ?? (typeof header === "string" ? header : program.defaultLocale));

  async function page(program: Program, locale: Locale, view: LandingView) {
    const catalog = await listAvailableRewardItems(ctx.db, { programId: program.id });
    return renderLandingPage(program, catalog, locale, view);
  }

  // GET /p/:programSlug – the program's public landing page with the referral form
  r.get("/p/:programSlug", {
    config: { access: access.public },
    schema: { hide: true, params: ZParams, querystring: ZQuery },
    handler: async (request, reply) => {
      const program = await getProgramBySlugOrThrow(ctx.db, request.params.programSlug);
      const locale = localeOf(request.query.lang, request.headers["accept-language"], program);
      const view: LandingView = !isProgramRunning(program)
        ? { kind: "closed" }
        : request.query.sent === "1"
          ? { kind: "sent" }
          : { kind: "form", state: { values: {}, errors: {} } };
      return reply.type("text/html; charset=utf-8").send(await page(program, locale, view));
    },
  });

  // POST /p/:programSlug – the referral form posted without JavaScript
  r.post("/p/:programSlug", {
    config: { access: access.public, rateLimit: { max: 30, timeWindow: "1 minute" } },
    schema: { hide: true, params: ZParams, querystring: ZQuery, body: ZFormBody },
    handler: async (request, reply) => {
      const program = await getProgramBySlugOrThrow(ctx.db, request.params.programSlug);
      const locale = localeOf(request.query.lang, request.headers["accept-language"], program);
      const values = request.body;
      const rerender = async (status: number, errors: Record<string, string[]>, notice?: string) =>
        reply
          .status(status)
          .type("text/html; charset=utf-8")
          .send(await page(program, locale, { kind: "form", state: { values, errors, notice } }));

      // Every field error at once, the program's rules (age, self-referral) included.
      const errors = referralSubmissionErrors(values, {
        minimumAge: program.minimumAge,
        today: todayIn(program.timeZone),
      });
      const parsed = ZReferralSubmission.safeParse(values);
      if (!parsed.success || Object.keys(errors).length > 0) return rerender(422, errors);
      try {
        await submitReferral(ctx, program.slug, parsed.data, { ...clientInfo(request), locale });
      } catch (err) {
        if (err instanceof TooManyRequests) return rerender(429, {}, landingWords[locale].limit);
        if (err instanceof Invalid && err.code === "program_not_running") {
          return reply
            .status(422)
            .type("text/html; charset=utf-8")
            .send(await page(program, locale, { kind: "closed" }));
        }
        if (err instanceof Invalid) return rerender(422, err.fields ?? {});
        throw err;
      }
      // Post/redirect/get: reloading the confirmation never submits twice.
      return reply.redirect(`/p/${encodeURIComponent(program.slug)}?lang=${locale}&sent=1#s-form`, 303);
    },
  });

  // GET /p-assets/landing.js – the form's optional enhancement (inline checks, masks)
  r.get("/p-assets/landing.js", {
    config: { access: access.public },
    schema: { hide: true },
    handler: async (_request, reply) => {
      if (enhanceScript === null) throw new NotFound("route_not_found", "The web app is not built.");
      return reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(enhanceScript);
    },
  });
}
