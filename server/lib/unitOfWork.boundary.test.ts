import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/*
 * The database boundary is a lint rule, and flat config makes it easy to lose silently: a later
 * config object that sets the same rule for server/ replaces its options. So the rule is checked
 * here on the files it is about, with the layer rule that shares those files beside it.
 */
const eslint = new ESLint();
const SQL_BELONGS = "SQL belongs in the domain's *.queries.ts";

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return result!.messages.filter((message) => message.ruleId?.endsWith("no-restricted-imports")).map((message) => message.message);
}

// Each case lints one line: quick once ESLint has loaded its configuration (Next's and
// typescript-eslint's), which takes seconds on a busy machine, so that happens once, first.
describe("the database boundary in server/", { timeout: 30_000 }, () => {
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "server/lib/unitOfWork.ts" });
  }, 120_000);

  it.each([
    ["server/domains/mous/mous.service.ts", 'import { getDb } from "@/db/client";'],
    ["server/domains/mous/mous.service.ts", 'import type { Database } from "@/db/client";'],
    ["server/domains/mous/mous.service.ts", 'import type { Database } from "../../../db/client";'],
    ["server/domains/mous/mous.service.ts", 'import { eq } from "drizzle-orm";'],
    ["server/domains/mous/mous.service.ts", 'import postgres from "postgres";'],
    ["server/trpc/scope.ts", 'import { PGlite } from "@electric-sql/pglite";'],
    ["server/demo/seed.ts", 'import type { Database } from "@/db/client";'],
    ["server/cli/jobs.ts", 'import { sql } from "drizzle-orm";'],
    ["server/domains/taskForceArchive/archive.tables.ts", 'import { getDb } from "@/db/client";'],
  ])("%s may not `%s`", async (file, source) => {
    expect(await refusals(file, source)).toEqual([expect.stringContaining(SQL_BELONGS)]);
  });

  it.each([
    ["server/domains/mous/mous.queries.ts", 'import { and, eq } from "drizzle-orm";'],
    ["server/domains/mous/mous.queries.ts", 'import type { Database } from "@/db/client";'],
    ["server/lib/unitOfWork.ts", 'import { getDb } from "@/db/client";'],
    ["server/cli/jobs.ts", 'import { closeDatabase } from "@/db/client";'],
    ["server/startup.ts", 'import { databaseHandle } from "@/db/client";'],
    ["server/domains/jobs/backup.service.ts", 'import { databaseHandle } from "@/db/client";'],
    ["server/domains/taskForceArchive/archive.tables.ts", 'import { getTableConfig } from "drizzle-orm/pg-core";'],
    ["server/testing/factories.ts", 'import { installDatabase } from "@/db/client";'],
    ["server/domains/mous/mous.int.test.ts", 'import { getDb } from "@/db/client";'],
  ])("%s may `%s`", async (file, source) => {
    expect(await refusals(file, source)).toEqual([]);
  });

  it("keeps the server/ layer rule beside it: a service is told about both", async () => {
    const messages = await refusals("server/domains/mous/mous.service.ts", 'import { getDb } from "@/db/client";\nimport { findGap } from "@/server/domains/gaps/gaps.queries";');
    expect(messages).toEqual([expect.stringContaining(SQL_BELONGS), expect.stringContaining("never its *.queries.ts")]);
  });
});
