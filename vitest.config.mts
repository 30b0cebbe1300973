import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const exclude = ["**/node_modules/**", "**/.next/**", "e2e/**", ".data/**"];

/**
 * Integration files that replace a module with vi.mock: a mock only takes effect in a module graph
 * of the file's own, so these run isolated (each file in a fresh worker, with the app imported anew).
 */
const MOCKS_MODULES = ["server/trpc/requestLimits.int.test.ts", "server/domains/funder/funder.routes.int.test.ts"];

/**
 * Integration files that open databases of their own (an embedded database folder that a second
 * process tries to open, a PGlite folder moved into a new PostgreSQL database, a PostgreSQL database
 * shared by several processes) instead of the project's: they test the same thing in either project,
 * so they run once, in the PostgreSQL project when there is one (it finishes sooner), else here.
 */
const OWN_DATABASES = ["db/folderLock.int.test.ts", "db/move.int.test.ts", "server/domains/jobs/instances.int.test.ts"];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim());

type Database = "pglite" | "postgres";
const projectName = (database: Database) => (database === "pglite" ? "integration" : "integration-postgres");

/**
 * The same `*.int.test.ts` files run against in-memory PGlite and, when TEST_DATABASE_URL is set,
 * against PostgreSQL. The global setup migrates one template per project; every test file then starts
 * on a database as the template left it (server/testing/testDatabase.ts): a copy of its own on
 * PostgreSQL, and on PGlite the worker's one embedded database emptied between files, since loading a
 * copy cost two seconds a file. Files never see each other's rows and runs never collide.
 *
 * Files share one worker and its module graph (isolate: false): importing the app anew for each of
 * ~50 files took most of the suite's time (about 5 s a file on two cores, against under 1 s of
 * testing in most). What the files change outside their database is undone after each test
 * (unstubEnvs, restoreMocks); the few that mock modules run in a project of their own, isolated.
 */
function integrationProjects(database: Database): TestProjectInlineConfiguration[] {
  const test = {
    include: ["**/*.int.test.ts"],
    exclude,
    environment: "node",
    globalSetup: ["server/testing/globalSetup.ts"],
    setupFiles: ["server/testing/setupIntegration.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    unstubEnvs: true,
    restoreMocks: true,
    // Hermetic: invitations return their link instead of trying to send mail from a developer's shell.
    env: { SMTP_URL: "", MAIL_FROM: "" },
  } satisfies TestProjectInlineConfiguration["test"];
  const elsewhere = database === "pglite" && withPostgres ? OWN_DATABASES : [];
  return [
    { extends: true, test: { ...test, name: projectName(database), exclude: [...exclude, ...MOCKS_MODULES, ...elsewhere], isolate: false } },
    { extends: true, test: { ...test, name: `${projectName(database)}-isolated`, include: MOCKS_MODULES } },
  ];
}

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
          // A guard against hangs, not a speed check: CI runs unit files beside the typecheck, the
          // build or other suites on two cores, where a test of a second alone took over five.
          testTimeout: 20_000,
          // Files share their worker's module graph, as integration files do: importing anew for each
          // file was half of the suite's time (52 s isolated, 27 s shared). No unit file mocks a module.
          isolate: false,
          restoreMocks: true,
          unstubEnvs: true,
        },
      },
      ...integrationProjects("pglite"),
      ...(withPostgres ? integrationProjects("postgres") : []),
    ],
  },
});
