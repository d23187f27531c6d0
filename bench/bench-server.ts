// The product's server plus two baseline routes on the same stack (Fastify, zod, the pool, the same
// database), so every figure can be read as a ratio to what the stack itself can do.
import { sql } from "drizzle-orm";
import { buildApp, createAppContext } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed-demo.js";
import { registerJobHandlers } from "../src/jobs.js";
import { programs } from "../src/modules/programs/schema.js";
import { access } from "../src/platform/http/access.js";

const config = loadConfig();
const ctx = await createAppContext(config, { role: "web" });
registerJobHandlers(ctx);
await seedDemo(ctx.db, { adminPassword: "bench-admin-password" });
// The benchmark's referrers are many; the policy's daily limits are not what is measured.
await ctx.db
  .update(programs)
  .set({ dailyReferralLimitPerReferrer: 1_000_000, dailyReferralLimitPerIp: 1_000_000 });
const app = await buildApp(ctx);
app.get("/bench/bare", { config: { access: access.public } }, async () => ({ ok: true }));
app.post("/bench/insert", { config: { access: access.public } }, async () => {
  await ctx.db.execute(sql`insert into audit_log (actor_kind, action) values ('system', 'bench.insert')`);
  return { ok: true };
});
await app.listen({ port: config.PORT, host: "127.0.0.1" });
if (config.isEmbedded) await ctx.jobs.startWorkers();
console.log("bench server ready");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    app.close().finally(() => process.exit(0));
  });
}
