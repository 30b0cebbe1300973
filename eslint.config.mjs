// @ts-check
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import jsxA11y from "eslint-plugin-jsx-a11y";

/*
 * Next's core-web-vitals set (React, hooks, jsx-a11y, import, @next/next) plus typescript-eslint's
 * recommended rules, and the create-t3-app guard against an `update` or `delete` without `where`.
 * Database handles are always named `db` (or `tx` inside a transaction), so the drizzle rules only
 * look at those names and leave unrelated `.delete()` methods (Map, URLSearchParams) alone.
 */
const drizzleObjectName = ["db", "tx"];

/** The react-hooks plugin as Next's config registers it (not a dependency of ours). */
const reactHooks = nextVitals.map((config) => config.plugins?.["react-hooks"]).find(Boolean);
if (!reactHooks?.configs) throw new Error("eslint-config-next no longer registers the react-hooks plugin; update eslint.config.mjs.");
/** The React Compiler's rules: what react-hooks checks beyond the rules of hooks and their dependencies. */
const compilerRules = Object.keys(reactHooks.configs["recommended-latest"].rules).filter(
  (rule) => rule !== "react-hooks/rules-of-hooks" && rule !== "react-hooks/exhaustive-deps",
);

/*
 * The database from server/: the driver, Drizzle and db/client, refused outside the queries and the
 * unit of work (see the server/** objects below), and the few files that need part of it.
 */
const databaseImports = {
  drizzle: "^drizzle-orm(/|$)",
  drivers: "^(postgres|@electric-sql/pglite)(/|$)",
  client: "^(@/|(\\.\\./)+)db/client$",
};
/** @param {...keyof typeof databaseImports} names */
function refuseDatabaseImports(...names) {
  const message =
    "SQL belongs in the domain's *.queries.ts; a service gets its handle and transactions from @/server/lib/unitOfWork (getDb, inTransaction, type Database).";
  return /** @type {const} */ (["error", { patterns: names.map((name) => ({ regex: databaseImports[name], message })) }]);
}
/** Entry points and start-up: open, migrate and close the process's database; the backup job copies it whole. */
const openTheDatabase = ["server/cli/**", "server/startup.ts", "server/domains/jobs/backup.service.ts"];
/** Finds a task force's tables in the Drizzle schema itself, so a new table travels in archives unlisted. */
const readTheSchemaDefinitions = ["server/domains/taskForceArchive/archive.tables.ts"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Next enables only six jsx-a11y rules; the plugin's recommended set backs the axe scans in e2e/.
    // (The plugin itself is already registered by the Next config.)
    files: ["**/*.{jsx,tsx}"],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/_components/Link.tsx"],
    rules: {
      // The TypeScript version, so that `import type` from the schema (erased from the bundle) stays allowed.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use { Link } from \"@/app/_components/Link\": it prefetches a page when someone is about to open it, not every link on screen.",
            },
          ],
          patterns: [
            {
              regex: "^(drizzle-orm|postgres|@electric-sql/pglite)(/|$)|^@/server/.*\\.queries$",
              message: "Pages and components reach the database only through tRPC procedures (app/_trpc), never a driver, Drizzle or a domain's queries.",
            },
            {
              regex: "^@/server/.*\\.schemas$",
              allowTypeImports: true,
              message:
                "A domain's zod schemas bring zod (about 30 KB gzip) into the browser bundle of every page that imports them. Constants a page needs belong in @/db/vocabulary/*; input types may be imported with `import type`.",
            },
            {
              regex: "^@/db/(?!vocabulary/)",
              allowTypeImports: true,
              message:
                "Pages and components reach the database only through tRPC procedures; a client component importing db/ ships table code to the browser. Vocabularies (status lists and the like) are in @/db/vocabulary/*; types may be imported with `import type`.",
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer is the lowest: the schema, the client, migrations, backups and moves. What
    // builds on the app's domains (the demo seed, test factories) lives in server/demo and server/testing.
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/(server|app)(/|$)|(\\.\\./)+(server|app)(/|$))",
              message: "db/ is the lowest layer and imports nothing from server/ or app/. Code that needs the app's domains belongs in server/ (seeds in server/demo, test helpers in server/testing); or pass the domain function in as a parameter.",
            },
          ],
        },
      ],
    },
  },
  {
    // The server never reaches up into the UI: its one way to the message catalogs (which live with
    // the pages, in app/i18n) is server/lib/translate.ts. A domain's tables are its own: others use
    // its service or its index.ts. Tests, test helpers and the demo seed (which writes history no
    // service would accept, such as past due dates) may do either directly.
    files: ["server/**/*.ts"],
    ignores: ["server/lib/translate.ts", "server/**/*.test.ts", "server/testing/**", "server/demo/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/app(/|$)",
              message: "server/ does not import from app/. For words from the message catalogs use serverTranslator from @/server/lib/translate.",
            },
            {
              regex: "^(@/server/domains/[^/]+|\\.\\./[^/]+)/[^/]+\\.queries$",
              message:
                "Another domain's data is reached through its service or what its index.ts publishes (import from \"@/server/domains/<domain>\"), never its *.queries.ts. Add the function to that index.ts if it belongs to the domain's published API.",
            },
          ],
        },
      ],
    },
  },
  {
    // Services decide where a unit of work begins and ends, queries run the SQL: outside the queries,
    // server code reaches the database only through @/server/lib/unitOfWork (the one door, which
    // re-exports the handle's type, hence type imports are refused too). This is the TypeScript rule
    // on purpose: the layer rule above is the core no-restricted-imports with exemptions of its own
    // (the demo seed, translate.ts), and in flat config a later object's options for the same rule
    // replace the earlier ones, so sharing the name would drop one set or the other.
    files: ["server/**/*.ts"],
    ignores: [
      "server/**/*.queries.ts",
      "server/**/*.test.ts",
      "server/testing/**",
      "server/lib/unitOfWork.ts",
      ...openTheDatabase,
      ...readTheSchemaDefinitions,
    ],
    rules: { "@typescript-eslint/no-restricted-imports": refuseDatabaseImports("drizzle", "drivers", "client") },
  },
  {
    // They open, migrate, close or copy the database itself, so they need db/client; SQL is still not theirs.
    files: openTheDatabase,
    ignores: ["server/**/*.test.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": refuseDatabaseImports("drizzle", "drivers") },
  },
  {
    // It reads the tables' definitions (columns, foreign keys) from Drizzle's schema; it runs no SQL.
    files: readTheSchemaDefinitions,
    rules: { "@typescript-eslint/no-restricted-imports": refuseDatabaseImports("drivers", "client") },
  },
  {
    // Test files share their worker's module graph (vitest.config.mts, isolate: false), where a
    // module mocked by one file would leak into the next or not take effect at all.
    files: ["**/*.test.ts"],
    ignores: ["server/trpc/requestLimits.int.test.ts", "server/domains/funder/funder.routes.int.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock)$/]",
          message:
            "Test files share one module graph per worker, so a module mock leaks between files. Pass the dependency in as a parameter, or add the file to MOCKS_MODULES in vitest.config.mts (an isolated project) and to this rule's ignores.",
        },
      ],
    },
  },
  {
    // The React Compiler's rules (everything react-hooks has beyond the two classic ones) compile each
    // file to look for components and hooks, which live only in app/: on the server code, the tests
    // and the tools they found nothing and took most of the lint's time.
    files: ["**/*.{ts,mts,js,mjs}"],
    ignores: ["app/**"],
    rules: Object.fromEntries(compilerRules.map((rule) => [rule, "off"])),
  },
  {
    // next.config.js is CommonJS (package.json has no "type": "module"), so require() is how it imports.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    ".data/**",
    "drizzle/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
  ]),
]);
