import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { browserModules } from "./clientNamespaces";

/*
 * Server code never reaches the browser. The `server-only` package would say so module by module,
 * but it throws outside Next's server layers (the tsx command-line tools, vitest, the
 * instrumentation hook that starts the scheduler), so the rule is checked here instead, on the
 * module graph the browser bundles are made of: from every "use client" module, nothing that holds
 * a database handle, a secret or the mail transport may be reachable.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What only the server may load: data access, services, the tRPC server, environment and mail. */
const SERVER_ONLY = [
  /^db\/(client|config|backup|move|archive|folderLock)\.ts$/,
  /^server\/.*\.(service|queries|router|notices|reminders|handoff)\.ts$/,
  /^server\/lib\/(unitOfWork|clock)\.ts$/,
  /^server\/(env|startup)\.ts$/,
  /^server\/(mail|cli|testing|demo|auth\/(session|options))\//,
  /^server\/trpc\/(init|root|context|scope|httpHandler|requestContext)\.ts$/,
];

describe("what the browser loads", () => {
  const modules = browserModules(root);

  it("is read from the pages' client components", () => {
    expect(modules).toContain("app/_components/forms.tsx");
    expect(modules).toContain("server/domains/organizations/disciplines.ts");
    // A page itself is a server component: not in the browser unless a client module imports it.
    expect(modules).not.toContain("app/(app)/tf/[slug]/dashboard/page.tsx");
  });

  it("holds no server module", () => {
    const leaked = [...modules].filter((file) => SERVER_ONLY.some((pattern) => pattern.test(file))).sort();
    expect(leaked, "client components reach these server modules: import only types from them, or move the pure part to a module of its own").toEqual([]);
  });

  it("catches a server module a client component imports", () => {
    // The check itself: the same patterns flag a service, a query file and the database client.
    for (const file of ["server/domains/gaps/gaps.service.ts", "server/domains/gaps/gaps.queries.ts", "db/client.ts", "server/lib/unitOfWork.ts"]) {
      expect(SERVER_ONLY.some((pattern) => pattern.test(file)), file).toBe(true);
    }
  });
});
