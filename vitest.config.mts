import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const exclude = ["**/node_modules/**", "**/.next/**", "e2e/**", ".data/**"];

/**
 * The same `*.int.test.ts` files run against in-memory PGlite and, when TEST_DATABASE_URL is set,
 * against PostgreSQL. The global setup migrates one template per run; every test file then gets
 * its own copy (db/testing/testDatabase.ts), so files never share rows and runs never collide.
 */
function integrationProject(name: "integration" | "integration-postgres"): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: ["**/*.int.test.ts"],
      exclude,
      environment: "node",
      globalSetup: ["db/testing/globalSetup.ts"],
      setupFiles: ["db/testing/setupIntegration.ts"],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // Hermetic: invitations return their link instead of trying to send mail from a developer's shell.
      env: { SMTP_URL: "", MAIL_FROM: "" },
    },
  };
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
        },
      },
      integrationProject("integration"),
      ...(process.env.TEST_DATABASE_URL?.trim() ? [integrationProject("integration-postgres")] : []),
    ],
  },
});
