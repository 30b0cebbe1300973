import { createHash } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { databaseHandle, getDb, installDatabase, type DatabaseHandle } from "@/db/client";
import { auditLog, frameworkVersions, frameworks, invitations, calendarTokens, meetings, taskForces, users } from "@/db/schema";
import { DEMO_TASK_FORCE_SLUG, SECOND_DEMO_TASK_FORCE_SLUG, seedDemo } from "@/server/demo/seed";
import { callerFor, createAdmin, createMember, createTaskForceWithCoordinator, dateFromToday, type TestUser } from "@/server/testing/factories";
import { domainErrorFrom, domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { createTestDatabase, type TestDatabase } from "@/server/testing/testDatabase";
import messages from "@/app/i18n/messages/en.json";
import { authenticate } from "@/server/domains/auth/auth.service";
import { runReminders } from "@/server/domains/jobs/reminders.service";
import type { SessionUser } from "@/server/trpc/context";
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, readArchive, tableJson, type ArchiveManifest, type ArchiveRow, type TaskForceArchive } from "./archive.format";
import { importArchive } from "./import.service";
import { TASK_FORCE_TABLES } from "./archive.tables";

/** The source installation's demo password, known to the test so it can show it opens nothing on the copy. */
const SOURCE_DEMO_PASSWORD = "source installation demo password";

/*
 * Moving a task force for real: the demo task force (plus the few kinds of record the demo seed
 * leaves out) is exported, imported into a second, fresh database, exported again, and the two
 * archives must hold the same data up to the new ids. Bad archives are refused with a sentence and
 * leave the database as it was.
 */

async function userByEmail(email: string): Promise<SessionUser> {
  const [row] = await (await getDb()).select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

const bytesOf = (file: { base64: string }) => new Uint8Array(Buffer.from(file.base64, "base64"));
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** Rebuilds an archive after `edit` changed its files; checksums are recomputed unless `keepChecksums`. */
async function rewriteArchive(bytes: Uint8Array, edit: (manifest: ArchiveManifest, tables: Map<string, ArchiveRow[]>) => void, options: { keepChecksums?: boolean } = {}) {
  const { manifest, tables } = await readArchive(bytes);
  edit(manifest, tables);
  const zip = new JSZip();
  for (const entry of manifest.tables) {
    const rows = tables.get(entry.name) ?? [];
    const content = new TextEncoder().encode(tableJson(rows));
    zip.file(entry.file, content);
    if (!options.keepChecksums) {
      entry.sha256 = createHash("sha256").update(content).digest("hex");
      entry.rows = rows.length;
    }
  }
  zip.file("manifest.json", JSON.stringify(manifest));
  return zip.generateAsync({ type: "uint8array" });
}

/** Every uuid in `value` through `ids`, and links to the old slug to the new one: how the import says the copy should look. */
function translated(rows: ArchiveRow[], ids: Map<string, string>, fromSlug: string, toSlug: string): string[] {
  return rows.map((row) =>
    JSON.stringify(row)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? id)
      .replaceAll(`/tf/${fromSlug}/`, `/tf/${toSlug}/`),
  );
}

const without = (rows: ArchiveRow[], ...columns: string[]) => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !columns.includes(key))));

async function rowCounts() {
  const db = await getDb();
  const [[tf], [people], [versions], [audit]] = await Promise.all([
    db.select({ n: count() }).from(taskForces),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(frameworkVersions),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { taskForces: tf?.n, users: people?.n, frameworkVersions: versions?.n, auditLog: audit?.n };
}

describe("moving a task force to another instance", () => {
  let sourceHandle: DatabaseHandle;
  let target: TestDatabase;
  let coordinator: SessionUser;
  let admin: TestUser;
  let first: { bytes: Uint8Array; archive: TaskForceArchive };

  /** Runs `work` on another instance's database, then goes back to the one in use before. */
  async function on<T>(handle: DatabaseHandle, work: () => Promise<T>): Promise<T> {
    const previous = await databaseHandle();
    installDatabase(handle);
    try {
      return await work();
    } finally {
      installDatabase(previous);
    }
  }

  beforeAll(async () => {
    sourceHandle = await databaseHandle();
    await seedDemo(sourceHandle.db, { password: SOURCE_DEMO_PASSWORD });
    coordinator = await userByEmail("coordinator@example.org");
    const member = await userByEmail("member@example.org");
    const as = callerFor(coordinator);
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    // The demo has no pending invitation, chosen audience, notification, calendar feed, minutes comment or generated report: add one of each.
    await as.invitation.create({ ...input, email: "newcomer@example.org", role: "viewer" });
    await as.assessment.create({ ...input, title: "Winter check-in (demo)", opensOn: dateFromToday(1), closesOn: dateFromToday(20), audience: "chosen", userIds: [member.id] });
    await runReminders();
    await callerFor(member).meeting.createCalendarFeed(input);
    const db = await getDb();
    const [draft] = await db
      .select({ id: meetings.id })
      .from(meetings)
      .innerJoin(taskForces, eq(taskForces.id, meetings.taskForceId))
      .where(and(eq(taskForces.slug, DEMO_TASK_FORCE_SLUG), eq(meetings.minutesStatus, "draft")))
      .limit(1);
    if (!draft) throw new Error("the demo has no meeting with draft minutes");
    await as.meeting.commentOnMinutes({ ...input, meetingId: draft.id, body: "Please add the shelter's new hotline to item 2 (demo)." });
    const options = await as.report.options(input);
    const grant = options.grants[0];
    // The latest ended period: the seed's contribution reports are the last quarters before today, so
    // that report publishes their figures to funders (a contribution_publications row) at any date.
    const period = grant?.periods.filter((candidate) => candidate.end < dateFromToday(0)).at(-1);
    if (!grant || !period) throw new Error("the demo grant has no reporting period");
    await as.report.generate({ ...input, grantId: grant.id, periodEnd: period.end });

    const bytes = bytesOf(await as.taskForce.export(input));
    first = { bytes, archive: await readArchive(bytes) };
    admin = await createAdmin();
    target = await createTestDatabase(inject("testDatabase"));
    // Seeding the whole demo takes a while on a busy machine.
  }, 180_000);

  afterAll(async () => {
    installDatabase(sourceHandle);
    await target?.destroy();
  });

  it("writes a manifest that names the format, the task force and every table with its row count and checksum", async () => {
    const { manifest } = first.archive;
    expect(manifest).toMatchObject({ format: ARCHIVE_FORMAT, version: ARCHIVE_FORMAT_VERSION, taskForce: { slug: DEMO_TASK_FORCE_SLUG }, source: { application: "task-force-roadmap" } });
    expect(new Date(manifest.exportedAt).getTime()).not.toBeNaN();
    const zip = await JSZip.loadAsync(first.bytes);
    for (const entry of manifest.tables) {
      const content = await zip.file(entry.file)?.async("uint8array");
      expect(content, entry.file).toBeDefined();
      expect(createHash("sha256").update(content as Uint8Array).digest("hex")).toBe(entry.sha256);
      expect(first.archive.tables.get(entry.name)).toHaveLength(entry.rows);
    }
  });

  it("holds rows of every task-force table, and of no other task force", async () => {
    const empty = TASK_FORCE_TABLES.filter((table) => (first.archive.tables.get(table.name) ?? []).length === 0).map((table) => table.name);
    expect(empty).toEqual([]);
    const sourceId = first.archive.manifest.taskForce.id;
    for (const table of TASK_FORCE_TABLES) {
      for (const row of first.archive.tables.get(table.name) ?? []) expect(row.task_force_id, table.name).toBe(sourceId);
    }
    const people = first.archive.tables.get("users") ?? [];
    expect(people.map((person) => person.email)).toContain("coordinator@example.org");
    expect(people.map((person) => person.email)).not.toContain("coordinator.lakeshore@example.org");
    // Email and name only: never a password hash or the administrator flag.
    for (const person of people) expect(Object.keys(person).sort()).toEqual(["email", "id", "name"]);
    // The documents' bytes travel too.
    const documents = first.archive.tables.get("documents") ?? [];
    for (const document of documents) {
      const bytes = Buffer.from(String(document.content), "base64");
      expect(bytes.byteLength).toBe(document.size_bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(document.sha256);
    }
  });

  it("records the export in the task force's audit log, inside the archive itself", async () => {
    const audit = first.archive.tables.get("audit_log") ?? [];
    expect(audit.filter((entry) => entry.action === "export" && entry.actor_user_id === coordinator.id)).toHaveLength(1);
  });

  it("imports into a fresh instance, and exporting that copy gives the same archive up to the new ids", { timeout: 120_000 }, async () => {
    const slug = "riverbend-moved";
    const { result, idMap } = await on(target.handle, () => importArchive(null, { archive: first.bytes, slug }));
    expect(result.taskForce).toMatchObject({ slug, name: "Riverbend County Anti-Trafficking Task Force (demo)" });
    // A fresh instance knows nobody: everyone is created, without a password, and listed for the administrator.
    expect(result.people.matched).toEqual([]);
    expect(result.people.created.map((person) => person.email).sort()).toEqual((first.archive.tables.get("users") ?? []).map((person) => String(person.email)).sort());
    // The default framework ships with every instance: the rounds' version is matched by its content.
    expect(result.frameworkVersions.added).toEqual([]);
    expect(result.frameworkVersions.matched.length).toBeGreaterThan(0);

    const newCoordinatorId = idMap.get(coordinator.id);
    if (!newCoordinatorId) throw new Error("the coordinator was not carried over");
    // No password travels: the demo password of the source instance opens nothing here.
    const signIn = await on(target.handle, () => domainErrorFrom(authenticate("coordinator@example.org", SOURCE_DEMO_PASSWORD, null)));
    expect(signIn.messageKey).toBe("invalidCredentials");
    const second = await on(target.handle, async () => {
      const copyCoordinator = { id: newCoordinatorId, email: coordinator.email, name: coordinator.name, isAdmin: false };
      // What a person sees is the same: the rounds and the gaps, with the copy's own ids.
      const as = callerFor(copyCoordinator);
      const before = await on(sourceHandle, () => callerFor(coordinator).gap.list({ taskForceSlug: DEMO_TASK_FORCE_SLUG }));
      const after = await as.gap.list({ taskForceSlug: slug });
      expect(after.gaps.map((gap) => [gap.title, gap.status, gap.dueOn])).toEqual(before.gaps.map((gap) => [gap.title, gap.status, gap.dueOn]));
      expect(after.gaps.map((gap) => gap.id)).toEqual(before.gaps.map((gap) => idMap.get(gap.id)));
      return readArchive(bytesOf(await as.taskForce.export({ taskForceSlug: slug })));
    });

    const ids = idMap;
    for (const entry of first.archive.manifest.tables) {
      const original = first.archive.tables.get(entry.name) ?? [];
      let copy = second.tables.get(entry.name) ?? [];
      let expected = original;
      if (entry.name === "task_forces") expected = original.map((row) => ({ ...row, slug }));
      if (entry.name === "frameworks" || entry.name === "framework_versions") {
        // Platform rows of the new instance, matched by key and content: their own creation time.
        expected = without(original, "created_at");
        copy = without(copy, "created_at");
      }
      if (entry.name === "audit_log") {
        // The import and the second export wrote their own entries; everything else is the original log.
        const carried = new Set(original.map((row) => ids.get(String(row.id))));
        const added = copy.filter((row) => !carried.has(String(row.id)));
        expect(added.map((row) => row.action).sort()).toEqual(["export", "import"]);
        copy = copy.filter((row) => carried.has(String(row.id)));
      }
      expect(copy.map((row) => JSON.stringify(row)).sort(), entry.name).toEqual(translated(expected, ids, DEMO_TASK_FORCE_SLUG, slug).sort());
    }
    expect(second.manifest.tables.map((entry) => entry.name)).toEqual(first.archive.manifest.tables.map((entry) => entry.name));
  });

  it("imports a copy beside the original on the same instance: people matched by email, secrets of links retired", async () => {
    const before = await rowCounts();
    const result = await callerFor(admin).admin.taskForce.import({ archiveBase64: toBase64(first.bytes), slug: "riverbend-copy" });
    expect(result.people.created).toEqual([]);
    expect(result.people.matched.map((person) => person.email)).toContain("coordinator@example.org");
    expect((await rowCounts()).users).toBe(before.users);
    const mine = await callerFor(coordinator).taskForce.mine();
    expect(mine.map((taskForce) => taskForce.slug)).toEqual(expect.arrayContaining([DEMO_TASK_FORCE_SLUG, "riverbend-copy"]));
    // The copy's pending invitation and calendar feed cannot be used with the original's links.
    const db = await getDb();
    const [copyInvitation] = await db.select({ tokenHash: invitations.tokenHash }).from(invitations).where(eq(invitations.taskForceId, result.taskForce.id));
    expect(copyInvitation?.tokenHash).toMatch(/:retired-by-import:/);
    const [copyFeed] = await db.select({ tokenHash: calendarTokens.tokenHash }).from(calendarTokens).where(eq(calendarTokens.taskForceId, result.taskForce.id));
    expect(copyFeed?.tokenHash).toMatch(/:retired-by-import:/);
    // The import is in the copy's audit log, by the administrator.
    const [entry] = await db.select({ actorUserId: auditLog.actorUserId }).from(auditLog).where(and(eq(auditLog.taskForceId, result.taskForce.id), eq(auditLog.action, "import")));
    expect(entry?.actorUserId).toBe(admin.id);
  });

  it("carries a framework version this instance does not have, and the rounds keep it", async () => {
    const stateInstrument = await rewriteArchive(first.bytes, (_manifest, tables) => {
      for (const framework of tables.get("frameworks") ?? []) framework.key = "state-instrument-test";
      for (const version of tables.get("framework_versions") ?? []) {
        (version.content as { areas: { elements: { name: string }[] }[] }).areas[0]!.elements[0]!.name = "Leadership (state wording)";
      }
    });
    const result = await callerFor(admin).admin.taskForce.import({ archiveBase64: toBase64(stateInstrument), slug: "riverbend-state" });
    expect(result.frameworkVersions).toEqual({ matched: [], added: [{ key: "state-instrument-test", version: 1 }] });
    const copyCoordinator = callerFor(coordinator);
    const [round] = await copyCoordinator.assessment.list({ taskForceSlug: "riverbend-state" });
    const consensus = await copyCoordinator.assessment.consensus({ taskForceSlug: "riverbend-state", roundId: round?.id ?? "" });
    expect(consensus.round.frameworkVersion).toBe(1);
    expect(consensus.areas[0]?.elements[0]?.name).toBe("Leadership (state wording)");
    const [version] = await (await getDb())
      .select({ createdByUserId: frameworkVersions.createdByUserId })
      .from(frameworkVersions)
      .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
      .where(eq(frameworks.key, "state-instrument-test"));
    expect(version?.createdByUserId).toBe(admin.id);
  });

  it("refuses a short name that is taken, and writes nothing", async () => {
    const before = await rowCounts();
    const error = await trpcErrorOf(callerFor(admin).admin.taskForce.import({ archiveBase64: toBase64(first.bytes), slug: SECOND_DEMO_TASK_FORCE_SLUG }), "CONFLICT");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "slugTaken", field: "slug" });
    // Without a chosen slug, the archive's own is used: taken here too.
    const derived = await trpcErrorOf(callerFor(admin).admin.taskForce.import({ archiveBase64: toBase64(first.bytes) }), "CONFLICT");
    expect(domainErrorOf(derived).values).toEqual({ slug: DEMO_TASK_FORCE_SLUG });
    expect(await rowCounts()).toEqual(before);
  });

  describe("refuses a bad archive with a sentence and changes nothing", () => {
    const errors = messages.errors as Record<string, string>;

    async function refused(archive: Uint8Array, messageKey: string) {
      const before = await rowCounts();
      const error = await trpcErrorOf(callerFor(admin).admin.taskForce.import({ archiveBase64: toBase64(archive), slug: `refused-${messageKey.toLowerCase()}` }), "BAD_REQUEST");
      expect(domainErrorOf(error)).toMatchObject({ messageKey, field: "file" });
      expect(errors[messageKey], `catalog text for ${messageKey}`).toMatch(/\w+ \w+/);
      expect(await rowCounts()).toEqual(before);
      return domainErrorOf(error);
    }

    it("a format version this instance does not read", async () => {
      const newer = await rewriteArchive(first.bytes, (manifest) => {
        (manifest as { version: number }).version = 2;
      });
      expect((await refused(newer, "archiveUnsupportedVersion")).values).toEqual({ version: 2, supported: 1 });
    });

    it("another kind of file", async () => {
      await refused(new TextEncoder().encode("name,email\nAda,ada@example.org\n"), "archiveUnreadable");
      const zip = new JSZip();
      zip.file("manifest.json", JSON.stringify({ format: "something-else", version: 1 }));
      await refused(await zip.generateAsync({ type: "uint8array" }), "archiveWrongFormat");
    });

    it("a truncated download", async () => {
      await refused(first.bytes.slice(0, Math.floor(first.bytes.byteLength * 0.6)), "archiveUnreadable");
    });

    it("a table changed after the export (checksum mismatch)", async () => {
      const tampered = await rewriteArchive(
        first.bytes,
        (_manifest, tables) => {
          const gap = tables.get("gaps")?.[0];
          if (gap) gap.title = "Edited after export";
        },
        { keepChecksums: true },
      );
      expect((await refused(tampered, "archiveTampered")).values).toEqual({ file: "tables/gaps.json" });
    });

    it("a record of another task force slipped in, even with checksums made to match", async () => {
      const other = await createTaskForceWithCoordinator();
      const foreign = await rewriteArchive(first.bytes, (_manifest, tables) => {
        const organization = tables.get("organizations")?.[0];
        if (organization) organization.task_force_id = other.taskForce.id;
      });
      expect((await refused(foreign, "archiveForeignRecord")).values).toEqual({ table: "organizations" });
    });

    it("a record pointing at a row the archive does not carry", async () => {
      const dangling = await rewriteArchive(first.bytes, (_manifest, tables) => {
        const gap = tables.get("gaps")?.find((row) => row.owner_organization_id);
        if (gap) gap.owner_organization_id = "00000000-0000-4000-8000-000000000000";
      });
      expect((await refused(dangling, "archiveDanglingReference")).values).toEqual({ table: "gaps", column: "owner_organization_id" });
    });

    it("a record the database refuses halfway through: the people, framework and task force written before it are rolled back", async () => {
      // Fresh people (so the import creates accounts before it reaches the bad row) and a row that breaks a check constraint.
      const broken = await rewriteArchive(first.bytes, (_manifest, tables) => {
        for (const person of tables.get("users") ?? []) person.email = `moved-${String(person.email)}`;
        const version = tables.get("framework_versions")?.[0];
        if (version) (version.content as { stages: { name: string }[] }).stages[0]!.name = "Exploring (edited)";
        const item = tables.get("action_items")?.find((row) => row.status === "done");
        if (item) item.completed_at = null;
      });
      expect((await refused(broken, "archiveRejected")).values).toEqual({ table: "action_items" });
      const db = await getDb();
      expect(await db.select({ id: users.id }).from(users).where(sql`${users.email} like 'moved-%'`)).toEqual([]);
    });
  });

  it("lets only coordinators export and only administrators import", async () => {
    const viewer = await createMember((await createTaskForceWithCoordinator()).taskForce, "viewer");
    const input = { taskForceSlug: DEMO_TASK_FORCE_SLUG };
    const member = await userByEmail("member@example.org");
    await trpcErrorOf(callerFor(member).taskForce.export(input), "FORBIDDEN");
    await trpcErrorOf(callerFor(viewer.user).taskForce.export(input), "NOT_FOUND");
    await trpcErrorOf(callerFor(coordinator).admin.taskForce.import({ archiveBase64: toBase64(first.bytes), slug: "not-allowed" }), "FORBIDDEN");
  });
});
