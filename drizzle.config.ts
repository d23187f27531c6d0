import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a new SQL migration from the schema files; migrations are committed
// and never edited after they land.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/platform/*/schema.ts", "./src/modules/*/schema.ts"],
  out: "./src/db/migrations",
});
