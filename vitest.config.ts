import { defineConfig } from "vitest/config";

// Three projects: everything on embedded PGlite; the database tests (`*.db.test.ts`) again on real
// PostgreSQL when TEST_DATABASE_URL is set; browser tests against a real server process.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

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
