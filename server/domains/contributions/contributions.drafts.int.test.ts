import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, type TestOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { dateInZone } from "@/server/lib/dates";
import { parsePeriod, periodContaining, previousPeriod } from "./periods";

/*
 * Issue 19: the contributions form saves a draft on its own while a person types. A draft is the
 * organization's work in progress: it must never reach a total, a funder's view or the figures the
 * disclosure audit (server/testing/funderAttacker.ts) reads as truth, and an autosave made on figures
 * someone else has saved since must be refused, not written over theirs.
 */

describe("drafts of contribution reports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let shelter: TestOrganization;
  let clinic: TestOrganization;
  let nurse: TestUser;
  let laborOffice: TestOrganization;
  let inspector: TestUser;
  let funder: TestUser;
  let lastQuarter: string;
  let currentQuarter: string;
  const slug = () => taskForce.slug;

  /** Figures no submitted report has, so that a sum holding them gives the draft away. */
  const draftContent = {
    values: { staffHours: 777, potentialVictimsIdentified: 4321, confirmedVictimsIdentified: 1234, referralsMade: 99 },
    peopleTrained: { health: 88 },
    services: { housing: 555 },
    inKind: [{ description: "Donated space (draft)", value: 9999 }],
  };

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    shelter = await createOrganization(taskForce, { name: "Safe Harbor" });
    clinic = await createOrganization(taskForce, { name: "Health Clinic" });
    ({ user: nurse } = await createMember(taskForce, "member", { organizationId: clinic.id }));
    laborOffice = await createOrganization(taskForce, { name: "Labor Office" });
    ({ user: inspector } = await createMember(taskForce, "member", { organizationId: laborOffice.id }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    const today = dateInZone(new Date(), taskForce.timeZone);
    currentQuarter = periodContaining(today, "quarter").key;
    lastQuarter = previousPeriod(periodContaining(today, "quarter")).key;
    const coordinatorCaller = callerFor(coordinator);
    await coordinatorCaller.contribution.updateSettings({ taskForceSlug: slug(), periodLength: "quarter", staffHourlyRate: 30, consultantHourlyRate: 50, dueDays: 30 });
    await coordinatorCaller.grant.create({
      taskForceSlug: slug(),
      funderName: "Draft Test Funder",
      program: "ECM",
      awardNumber: "DRAFT-1",
      amount: 100_000,
      matchTarget: 10_000,
      periodStart: parsePeriod(lastQuarter)!.start,
      periodEnd: `${Number(lastQuarter.slice(0, 4)) + 2}-12-31`,
      reportingCadence: "semiannual",
      applyEcmTemplate: false,
    });
    await coordinatorCaller.contribution.submit({
      taskForceSlug: slug(),
      period: lastQuarter,
      organizationId: shelter.id,
      version: null,
      values: { staffHours: 40, potentialVictimsIdentified: 25, confirmedVictimsIdentified: 12, referralsMade: 30 },
      peopleTrained: { health: 20 },
      services: { housing: 30, food: 15 },
      inKind: [{ description: "Meeting room", value: 450 }],
    });
  });

  it("saves a draft at the app's time, and refuses one made on figures someone else has saved since", async () => {
    const member = callerFor(nurse);
    const input = { taskForceSlug: slug(), period: lastQuarter, organizationId: clinic.id, ...draftContent };
    const before = new Date();
    const first = await member.contribution.saveDraft({ ...input, version: null });
    expect(first).toMatchObject({ status: "draft", version: 1, late: false });
    expect(first.savedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(first.savedAt.getTime()).toBeLessThanOrEqual(Date.now());

    // The coordinator corrects a figure meanwhile, from the same version.
    const theirs = await callerFor(coordinator).contribution.saveDraft({ ...input, values: { ...draftContent.values, referralsMade: 100 }, version: 1 });
    expect(theirs.version).toBe(2);
    // The member's form still holds version 1: its next autosave is refused, naming when the report changed.
    const stale = await trpcErrorOf(member.contribution.saveDraft({ ...input, values: { ...draftContent.values, staffHours: 780 }, version: 1 }), "CONFLICT");
    expect(domainErrorOf(stale)).toMatchObject({ messageKey: "contributionReportChanged", values: { at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) } });
    // A form opened before the report existed cannot create it a second time either.
    expect(domainErrorOf(await trpcErrorOf(member.contribution.saveDraft({ ...input, version: null }), "CONFLICT")).messageKey).toBe("contributionReportChanged");
    // Nothing of the refused saves was written: the coordinator's figures stand.
    const form = await member.contribution.report({ taskForceSlug: slug(), period: lastQuarter });
    expect(form.report).toMatchObject({ status: "draft", version: 2 });
    expect(form.content.values).toEqual({ ...draftContent.values, referralsMade: 100 });
    // On the latest version the member's change goes through; drafts are the form's to save, not outsiders'.
    expect(await member.contribution.saveDraft({ ...input, version: 2 })).toMatchObject({ status: "draft", version: 3 });
    await trpcErrorOf(callerFor(funder).contribution.saveDraft({ ...input, version: 3 }), "FORBIDDEN");
  });

  /** Every total the task force's people read: the period table's and the overview's (live, unsuppressed). */
  async function totals() {
    const caller = callerFor(coordinator);
    const table = await caller.contribution.period({ taskForceSlug: slug(), period: lastQuarter });
    const overview = await caller.contribution.overview({ taskForceSlug: slug() });
    const summary = await caller.contribution.summary({ taskForceSlug: slug() });
    return {
      all: table.rows.find((row) => row.kind === "all"),
      submitted: table.completeness.submitted,
      figures: [overview.valueByType, overview.valueByOrganization, overview.peopleTrainedBySector, overview.victimCounts, overview.updatedAt],
      summary: [summary.current, summary.updatedAt, summary.lastEnded?.submitted],
    };
  }

  /** Everything a funder reads of contributions: tables, export, overview, dashboard, grant progress and progress reports. */
  async function funderViews() {
    const caller = callerFor(funder);
    const input = { taskForceSlug: slug(), period: lastQuarter };
    const table = await caller.contribution.period(input);
    const csv = Buffer.from((await caller.contribution.export({ ...input, format: "csv" })).base64, "base64").toString("utf8");
    const overview = await caller.contribution.overview({ taskForceSlug: slug() });
    const summary = await caller.contribution.summary({ taskForceSlug: slug() });
    const reports = [];
    for (const grant of (await caller.report.options({ taskForceSlug: slug() })).grants) {
      for (const period of grant.periods) {
        const { id } = await caller.report.generate({ taskForceSlug: slug(), grantId: grant.id, periodEnd: period.end });
        reports.push((await caller.report.get({ taskForceSlug: slug(), reportId: id })).content.sections);
      }
    }
    return {
      table: [table.rows, table.publication],
      csv,
      overview: [overview.valueByType, overview.peopleTrainedBySector, overview.victimCounts, overview.updatedAt, overview.completeness.map((row) => [row.submitted, row.publication])],
      summary: [summary.current, summary.updatedAt],
      progress: await caller.grant.progress({ taskForceSlug: slug() }),
      reports,
    };
  }

  async function publications() {
    return (await getDb())
      .select({ entityId: auditLog.entityId, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.taskForceId, taskForce.id), eq(auditLog.entity, "contributionPublication")));
  }

  it("keeps a draft out of every total, every funder view and the figures the disclosure audit reads", async () => {
    // The labor office has no report yet: what its person types must change nothing that others read.
    const member = callerFor(inspector);
    const input = { taskForceSlug: slug(), organizationId: laborOffice.id, ...draftContent };
    const draftOf = (period: string) => member.contribution.report({ taskForceSlug: slug(), period });
    const totalsBefore = await totals();
    const funderBefore = await funderViews();
    const publishedBefore = await publications();

    // Autosaves as the person types last quarter's figures, and a draft of the quarter now running.
    let version: number | null = null;
    for (const staffHours of [777, 778, 779]) {
      ({ version } = await member.contribution.saveDraft({ ...input, period: lastQuarter, values: { ...draftContent.values, staffHours }, version }));
    }
    await member.contribution.saveDraft({ ...input, period: currentQuarter, version: null });

    expect(await totals()).toEqual(totalsBefore);
    expect(await funderViews()).toEqual(funderBefore);
    expect(await publications()).toEqual(publishedBefore);
    // The audit's truth is the coordinator's rows of submitted reports: the draft is listed as one, with no figures.
    const table = await callerFor(coordinator).contribution.period({ taskForceSlug: slug(), period: lastQuarter });
    const draftRow = table.rows.find((row) => row.organizationId === laborOffice.id);
    expect(draftRow).toMatchObject({ status: "draft", reporting: 0, cells: {}, inKindDescriptions: null });
    expect(JSON.stringify(table)).not.toContain("Donated space (draft)");

    // The views do read the office's figures once they are submitted: the comparisons above could fail.
    const { version: latest } = (await draftOf(lastQuarter)).report!;
    await member.contribution.submit({ ...input, period: lastQuarter, version: latest });
    expect((await totals()).all).not.toEqual(totalsBefore.all);
    expect((await funderViews()).table).not.toEqual(funderBefore.table);
  });
});
