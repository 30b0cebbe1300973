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
