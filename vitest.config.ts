import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Four projects: everything on embedded PGlite; the database tests (`*.db.test.ts`) again on real
// PostgreSQL when TEST_DATABASE_URL is set; the web app's components in a simulated DOM; browser tests
// against a real server process.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const sharedRoot = fileURLToPath(new URL("./src/shared", import.meta.url));

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          env: { TEST_DB_ENGINE: "pglite" },
        },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["src/**/*.db.test.ts", "test/**/*.db.test.ts"],
                exclude: ["test/e2e/**"],
                env: { TEST_DB_ENGINE: "postgres" },
              },
            },
          ]
        : []),
      {
        extends: true as const,
        plugins: [react()],
        resolve: { alias: { "@shared": sharedRoot } },
        test: {
          name: "web",
          include: ["web/src/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["web/src/test-support/setup.ts"],
        },
      },
      {
        extends: true as const,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
