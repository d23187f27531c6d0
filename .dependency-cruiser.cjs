// Module boundaries (ARCHITECTURE.md), checked by `npm test` (scripts/test.sh runs depcruise with this
// file). The order of `modules` is the import order: a module may import only those before it.
/** @type {string[]} lower first */
const modules = [
  "programs",
  "staff",
  "participants",
  "registries",
  "rewards",
  "referrals",
  "notifications",
  "helpdesk",
  "inbound",
];
/** Areas that observe the others and that nobody imports. */
const observers = ["integrations", "insights", "privacy"];

/**
 * Read models (a module's `read-models.ts`: read-only views of its tables) and the files of other
 * modules that may join them; ARCHITECTURE.md "One owner per table" says why each needs one query.
 */
const readModelUsers = {
  participants: [
    "src/modules/referrals/back-office/list-referrals.ts",
    "src/modules/referrals/intake-statements.ts",
    "src/modules/notifications/compose-digest.ts",
    "src/modules/helpdesk/email-messages-writes.ts",
  ],
  staff: ["src/modules/referrals/back-office/list-referrals.ts"],
  referrals: ["src/modules/notifications/compose-digest.ts"],
};

const any = (names) => names.join("|");
const literalPath = (path) => path.replace(/[.]/g, "\\.");

const orderRules = modules.map((name, rank) => {
  const above = [...modules.slice(rank + 1), ...observers];
  return {
    name: `module-order-${name}`,
    comment: `${name} may import only the modules below it: ${modules.slice(0, rank).join(", ") || "none"}`,
    severity: "error",
    from: { path: `^src/modules/${name}/` },
    to: { path: `^src/modules/(${any(above)})/` },
  };
});

module.exports = {
  forbidden: [
    ...orderRules,
    {
      name: "observers-imported-by-nobody",
      comment: "integrations, insights and privacy observe the other modules; only app.ts/jobs.ts wire them",
      severity: "error",
      from: { path: "^src/", pathNot: `^src/(app|jobs|main)\\.ts$|^src/modules/(${any(observers)})/` },
      to: { path: `^src/modules/(${any(observers)})/` },
    },
    {
      name: "module-public-entry",
      comment: "another module is imported only through its index.ts (schema.ts and read models aside)",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: "^src/modules/[^/]+/schema\\.ts$" },
      to: {
        path: "^src/modules/[^/]+/",
        pathNot: [
          "^src/modules/$1/",
          "^src/modules/[^/]+/index\\.ts$",
          "^src/modules/[^/]+/read-models\\.ts$",
        ],
      },
    },
    {
      name: "foreign-keys-only-between-schemas",
      comment: "a module's schema.ts may reference another module's schema.ts (foreign keys), nothing else",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/schema\\.ts$" },
      to: {
        path: "^src/modules/[^/]+/",
        pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/schema\\.ts$"],
      },
    },
    ...Object.entries(readModelUsers).map(([owner, users]) => ({
      name: `read-models-of-${owner}-where-listed`,
      comment: `only the files listed in ARCHITECTURE.md join ${owner}'s read models`,
      severity: "error",
      from: {
        path: "^src/",
        pathNot: [`^src/modules/${owner}/`, ...users.map((user) => `^${literalPath(user)}$`)],
      },
      to: { path: `^src/modules/${owner}/read-models\\.ts$` },
    })),
    {
      name: "tables-stay-with-their-owner",
      comment:
        "only a module's own files (and the schemas of modules above it: foreign keys) import its schema.ts",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: "^src/modules/[^/]+/schema\\.ts$" },
      to: { path: "^src/modules/[^/]+/schema\\.ts$", pathNot: "^src/modules/$1/" },
    },
    {
      name: "composition-uses-no-tables",
      comment: "app.ts, jobs.ts, main.ts, the demo and the platform go through the modules' functions",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/modules/" },
      to: { path: "^src/modules/[^/]+/schema\\.ts$" },
    },
    {
      name: "entry-exports-no-tables",
      comment: "index.ts exports use cases, queries and types: from schema.ts only types",
      severity: "error",
      from: { path: "^src/modules/[^/]+/index\\.ts$" },
      to: { path: "^src/modules/[^/]+/schema\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "entry-exports-no-routes",
      comment: "routes are registered by app.ts, never exported by a module's index.ts",
      severity: "error",
      from: { path: "^src/modules/[^/]+/index\\.ts$" },
      to: { path: "routes\\.ts$" },
    },
    {
      name: "platform-is-domain-free",
      comment: "src/platform knows no module and no composition file",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules/|app\\.ts$|jobs\\.ts$|main\\.ts$|demo/)" },
    },
    {
      name: "shared-runs-on-both-sides",
      comment: "src/shared imports only src/shared and browser-safe packages (no node:, no platform)",
      severity: "error",
      from: { path: "^src/shared/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^src/shared/", "^node_modules/(zod|libphonenumber-js|unhomoglyph)/"],
      },
    },
    {
      name: "web-imports-only-shared",
      comment: "the web app imports the server's src/shared and nothing else of src/",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/", pathNot: "^src/shared/" },
    },
    {
      name: "portal-never-imports-admin",
      severity: "error",
      from: { path: "^web/src/portal/" },
      to: { path: "^web/src/admin/" },
    },
    {
      name: "admin-never-imports-portal",
      severity: "error",
      from: { path: "^web/src/admin/" },
      to: { path: "^web/src/portal/" },
    },
    {
      name: "no-circular",
      comment: "files that import each other, directly or around a loop",
      severity: "error",
      from: { pathNot: "\\.test\\.tsx?$" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|\\.tmp)/" },
    tsConfig: { fileName: "tsconfig.deps.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
// The layout itself, for the architecture tests (test/architecture/); not enumerable, since
// dependency-cruiser refuses keys it does not know.
Object.defineProperty(module.exports, "layout", { value: { modules, observers, readModelUsers } });
