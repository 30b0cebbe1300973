import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import messages from "@/app/i18n/messages/en.json";
import { getDb } from "@/db/client";
import { memberships, organizations, taskForces } from "@/db/schema";
import { DEMO_TASK_FORCE_SLUG, SECOND_DEMO_TASK_FORCE_SLUG, seedDemo } from "@/server/demo/seed";
import { addMembership, createAdmin, createUser } from "@/server/testing/factories";
import { fieldErrorsOf } from "@/server/testing/errors";
import { procedureInputArbitrary, type FuzzPools } from "@/server/testing/zodArbitraries";
import type { TaskForceRole } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { SessionUser } from "./context";
import type { ProcedureMeta } from "./init";
import { appRouter, createCaller } from "./root";

/*
 * The fuzz suite (issue 15, item 4). Every procedure of the root router gets inputs derived from its
 * own zod schemas (server/testing/zodArbitraries.ts): valid and boundary values, and hostile ones —
 * huge and strange text, deep nesting, wrong types, ids of the other task force's records — and
 * each input is sent as every kind of caller. Whatever the input:
 *   - the server never answers INTERNAL_SERVER_ERROR (a 500) and never rejects a promise unhandled;
 *   - a second task force, whose ids and slug are in the inputs, is left exactly as it was;
 *   - input that fails its schema is answered with field-level messages from the catalogs.
 * A fixed seed and a small count keep it deterministic and quick; FUZZ_RUNS=<n> runs n inputs per
 * procedure (FUZZ_SEED=<n> another seed) to search longer.
 */

const RUNS = Number(process.env.FUZZ_RUNS) || 3;
const SEED = Number(process.env.FUZZ_SEED) || 20_261_205;

interface ProcedureUnderTest {
  path: string;
  meta: ProcedureMeta | undefined;
  type: string;
  inputs: z.ZodType[];
}

const procedures: ProcedureUnderTest[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string; inputs: unknown[] } }>,
)
  .map(([path, procedure]) => ({ path, meta: procedure._def.meta, type: procedure._def.type, inputs: procedure._def.inputs.filter((input): input is z.ZodType => input instanceof z.ZodType) }))
  .sort((a, b) => a.path.localeCompare(b.path));

type CallerKind = "anonymous" | "non-member" | "admin" | TaskForceRole;
/** Least privileged first, so that a coordinator's deletions come after everyone else's tries. */
const CALLER_ORDER: CallerKind[] = ["anonymous", "non-member", "admin", "viewer", "funder", "member", "coordinator"];

const errorKeys = new Set(Object.keys(messages.errors));
const fieldKeys = new Set([...Object.keys(messages.validation), ...errorKeys]);

/** A caller proxy node: callable at a leaf, indexable on the way there. */
type CallerNode = ((input?: unknown) => Promise<unknown>) & { readonly [segment: string]: CallerNode };

let addressCounter = 0;
function call(user: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  // Each call from its own address, so the public procedures' rate limit is not what answers.
  addressCounter += 1;
  const caller = createCaller({ user, clientAddress: `fuzz-${addressCounter}`, baseUrl: "https://roadmap.example.org" }) as unknown as CallerNode;
  return path.split(".").reduce<CallerNode>((node, segment) => node[segment] as CallerNode, caller)(input);
}

/** An input short enough to read in a failure message. */
function describeInput(input: unknown): string {
  const seen = new WeakSet<object>();
  let objects = 0;
  const text = JSON.stringify(input, (_key, value: unknown) => {
    if (typeof value === "string" && value.length > 60) return `${value.slice(0, 30)}…(${value.length} chars)`;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return "[seen]";
      seen.add(value);
      objects += 1;
      if (objects > 40) return "[more]";
    }
    return value;
  });
  return (text ?? String(input)).slice(0, 600);
}

/**
 * Rows of every task-force-owned table of one task force, as a count and a checksum per table, and
 * the accounts of its people (whom a caller elsewhere must not change either), in one statement.
 */
async function snapshotTaskForce(taskForceId: string, tables: string[]): Promise<Record<string, string>> {
  const digest = (from: string, where: string) =>
    `(select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from ${from} t where ${where})`;
  const columns = [
    ...tables.map((table) => `${digest(`"${table}"`, `task_force_id = '${taskForceId}'`)} as "${table}"`),
    `${digest("users", `t.id in (select user_id from memberships where task_force_id = '${taskForceId}')`)} as "users"`,
  ];
  const [row] = rowsOf<Record<string, string>>(await (await getDb()).execute(sql.raw(`select ${columns.join(", ")}`)));
  return row ?? {};
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

describe("fuzzing every procedure as every caller", () => {
  let tenantTables: string[];
  let home: { id: string; slug: string };
  let other: { id: string; slug: string };
  let pools: FuzzPools;
  const callers = new Map<CallerKind, SessionUser | null>();
  const homeMemberships = new Map<TaskForceRole, { userId: string; organizationId: string | null }>();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    const db = await getDb();
    await seedDemo(db);
    const slugs = await db.select({ id: taskForces.id, slug: taskForces.slug }).from(taskForces);
    const bySlug = (slug: string) => {
      const found = slugs.find((row) => row.slug === slug);
      if (!found) throw new Error(`no task force ${slug}`);
      return found;
    };
    home = bySlug(DEMO_TASK_FORCE_SLUG);
    other = bySlug(SECOND_DEMO_TASK_FORCE_SLUG);

    tenantTables = rowsOf<{ table_name: string }>(
      await db.execute(
        sql.raw(
          "select table_name from information_schema.columns where column_name = 'task_force_id' and table_schema = current_schema() order by table_name",
        ),
      ),
    ).map((row) => row.table_name);
    const withId = new Set(
      rowsOf<{ table_name: string }>(
        await db.execute(sql.raw("select table_name from information_schema.columns where column_name = 'id' and table_schema = current_schema()")),
      ).map((row) => row.table_name),
    );
    const ids: string[] = [];
    for (const table of tenantTables.filter((name) => withId.has(name))) {
      for (const taskForceId of [home.id, other.id]) {
        const rows = rowsOf<{ id: string }>(await db.execute(sql.raw(`select id::text as id from "${table}" where task_force_id = '${taskForceId}' order by id limit 8`)));
        ids.push(...rows.map((row) => row.id));
      }
    }
    const people = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.taskForceId, other.id));
    ids.push(...people.map((row) => row.userId), home.id, other.id);
    pools = { ids: [...new Set(ids)], slugs: [home.slug, home.slug, home.slug, other.slug] };

    // Callers of their own, so that nothing a fuzzed call does to its caller's account touches the demo people.
    const [agency] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.taskForceId, home.id)).limit(1);
    for (const role of ["coordinator", "member", "funder", "viewer"] as const) {
      const user = await createUser({ name: `Fuzz ${role}` });
      const membership = await addMembership(home, user, role, { organizationId: role === "member" ? (agency?.id ?? null) : null });
      homeMemberships.set(role, { userId: user.id, organizationId: membership.organizationId });
      callers.set(role, user);
    }
    callers.set("non-member", await createUser({ name: "Fuzz outsider" }));
    callers.set("admin", await createAdmin({ name: "Fuzz administrator" }));
    callers.set("anonymous", null);
  }, 120_000);

  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  beforeEach(async () => {
    // A fuzzed call may legitimately remove or demote its own caller; each procedure starts with every role in place.
    const db = await getDb();
    for (const [role, { userId, organizationId }] of homeMemberships) {
      await db
        .update(memberships)
        .set({ role, organizationId, endedAt: null })
        .where(and(eq(memberships.taskForceId, home.id), eq(memberships.userId, userId)));
    }
  });

  async function expectSound(kind: CallerKind, path: string, input: unknown) {
    const user = callers.get(kind) ?? null;
    try {
      await call(user, path, input);
    } catch (error) {
      const where = `${path} as ${kind} with ${describeInput(input)}`;
      if (!(error instanceof TRPCError)) throw new Error(`${where}: not a tRPC error: ${String(error)}`, { cause: error });
      if (error.code === "INTERNAL_SERVER_ERROR") {
        const cause = error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause);
        throw new Error(`${where}: INTERNAL_SERVER_ERROR\n${cause}`, { cause: error });
      }
      if (error.cause instanceof ZodError) {
        const fieldErrors = fieldErrorsOf(error);
        if (Object.keys(fieldErrors).length === 0) throw new Error(`${where}: invalid input without a field-level message`);
        for (const [field, fieldMessages] of Object.entries(fieldErrors)) {
          for (const message of fieldMessages) {
            if (!fieldKeys.has(message.key)) throw new Error(`${where}: field ${field} has message key "${message.key}", which no catalog holds`);
          }
        }
      } else if (error.cause instanceof DomainError && !errorKeys.has(error.cause.messageKey)) {
        throw new Error(`${where}: domain error key "${error.cause.messageKey}" is missing from the errors catalog`);
      }
    }
  }

  it("walks the whole root router", () => {
    expect(procedures.length).toBeGreaterThan(100);
    expect(procedures.filter((procedure) => procedure.inputs.length > 0).length).toBeGreaterThan(100);
  });

  /**
   * Administrators' instance-wide actions that delete task forces by design: removing the demo takes
   * the second task force (a demo one) with it. Every other caller is still fuzzed against them;
   * the administrator's own use is tested in server/domains/demo/demo.int.test.ts.
   */
  const REMOVES_TASK_FORCES = new Set(["demo.remove"]);

  it.each(procedures)("$path", async ({ path, meta, inputs }) => {
    // An administrator may invite a coordinator into any task force: that is their job, not a leak.
    const procedurePools = meta?.access === "admin" ? { ...pools, slugs: [home.slug] } : pools;
    const before = await snapshotTaskForce(other.id, tenantTables);
    const seed = [...path].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);
    await fc.assert(
      fc.asyncProperty(procedureInputArbitrary(inputs, procedurePools), async (input) => {
        for (const kind of CALLER_ORDER) {
          if (kind === "admin" && REMOVES_TASK_FORCES.has(path)) continue;
          await expectSound(kind, path, input);
        }
      }),
      { seed, numRuns: RUNS },
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled, "unhandled promise rejections").toEqual([]);
    expect(await snapshotTaskForce(other.id, tenantTables), `${path} changed the other task force`).toEqual(before);
  });
});
