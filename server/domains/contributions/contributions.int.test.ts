import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, notifications } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, scopeFor, type TestOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { smallCellThreshold } from "@/server/env";
import { addDays, dateInZone } from "@/server/lib/dates";
import type { Shown } from "@/server/domains/privacy/suppression";
import { contributionMatchValue } from "./contributions.match";
import { collectUnsubmittedContributionReminders } from "./contributions.reminders";
import { submitReport } from "./contributions.service";
import { dueOnOf, parsePeriod, periodContaining, previousPeriod } from "./periods";

const DAY = 24 * 60 * 60 * 1000;

async function auditOf(taskForceId: string, entity: string) {
  return (await getDb())
    .select({ action: auditLog.action, entityId: auditLog.entityId, actorUserId: auditLog.actorUserId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, entity)))
    .orderBy(auditLog.createdAt);
}

async function notificationsOf(user: TestUser) {
  return (await getDb())
    .select({ kind: notifications.kind, values: notifications.values, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(notifications.createdAt);
}

/** Reads an exported XLSX back, as a spreadsheet program would. */
async function workbookOf(base64: string) {
  const bytes = Buffer.from(base64, "base64");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

/** Every `{ suppressed, value }` object anywhere in a response. */
function shownValues(value: unknown, found: Shown[] = []): Shown[] {
  if (Array.isArray(value)) value.forEach((item) => shownValues(item, found));
  else if (value && typeof value === "object") {
    if ("suppressed" in value && Object.keys(value).every((key) => key === "suppressed" || key === "value")) found.push(value as Shown);
    else Object.values(value).forEach((item) => shownValues(item, found));
  }
  return found;
}

describe("the contributions ledger", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let shelter: TestOrganization;
  let sheriff: TestOrganization;
  let clinic: TestOrganization;
  let advocate: TestUser;
  let deputy: TestUser;
  let nurse: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let lastQuarter: string;
  let currentQuarter: string;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    shelter = await createOrganization(taskForce, { name: "Safe Harbor" });
    sheriff = await createOrganization(taskForce, { name: "Sheriff's Office" });
    clinic = await createOrganization(taskForce, { name: "Health Clinic" });
    ({ user: advocate } = await createMember(taskForce, "member", { organizationId: shelter.id }));
    ({ user: deputy } = await createMember(taskForce, "member", { organizationId: sheriff.id }));
    ({ user: nurse } = await createMember(taskForce, "member", { organizationId: clinic.id }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
    const today = dateInZone(new Date(), taskForce.timeZone);
    currentQuarter = periodContaining(today, "quarter").key;
    lastQuarter = previousPeriod(periodContaining(today, "quarter")).key;
    await callerFor(coordinator).contribution.updateSettings({
      taskForceSlug: taskForce.slug,
      periodLength: "quarter",
      staffHourlyRate: 30,
      consultantHourlyRate: 50.5,
      dueDays: 30,
    });
  });

  it("keeps settings with their defaults, saves a change once and audits it", async () => {
    const caller = callerFor(coordinator);
    expect(await callerFor(funder).contribution.settings({ taskForceSlug: slug() })).toEqual({
      periodLength: "quarter",
      staffHourlyRate: 30,
      consultantHourlyRate: 50.5,
      dueDays: 30,
    });
    const error = await trpcErrorOf(
      caller.contribution.updateSettings({ taskForceSlug: slug(), periodLength: "quarter", staffHourlyRate: -1, consultantHourlyRate: 1.234, dueDays: 2.5 }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error)).toMatchObject({
      staffHourlyRate: [{ key: "tooSmall" }],
      consultantHourlyRate: [{ key: "twoDecimals" }],
      dueDays: [{ key: "wholeNumber" }],
    });
    expect(await caller.contribution.updateSettings({ taskForceSlug: slug(), periodLength: "quarter", staffHourlyRate: 30, consultantHourlyRate: 50.5, dueDays: 30 })).toEqual({
      changed: false,
    });
    const audit = await auditOf(taskForce.id, "contributionSettings");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ staffHourlyRateCents: { from: 0, to: 3000 }, consultantHourlyRateCents: { from: 0, to: 5050 } });
  });

  it("lets a member save a draft and submit their own organization's quarter once, and nothing else", async () => {
    const member = callerFor(advocate);
    const form = await member.contribution.report({ taskForceSlug: slug(), period: lastQuarter });
    expect(form.organization).toEqual({ id: shelter.id, name: "Safe Harbor" });
    expect(form.report).toBeNull();
    expect(form.canSubmit).toBe(true);

    const input = {
      taskForceSlug: slug(),
      period: lastQuarter,
      organizationId: shelter.id,
      values: { staffHours: 40.5, trainingsDelivered: 2, potentialVictimsIdentified: 4, confirmedVictimsIdentified: 2, referralsMade: 12, consultantPaidHours: 10 },
      peopleTrained: { health: 25, prosecution: 3 },
      services: { housing: 14, food: 3, medical: 0 },
      inKind: [{ description: "Meeting room for six sessions", value: 450 }],
    };
    const draft = await member.contribution.saveDraft({ ...input, version: null });
    expect(draft).toMatchObject({ status: "draft", version: 1 });

    // Bad numbers are refused field by field, and nothing changes.
    const bad = await trpcErrorOf(
      member.contribution.saveDraft({ ...input, version: 1, values: { staffHours: -1, trainingsDelivered: 1.5 }, services: { housing: -2 } }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(bad)).toMatchObject({
      "values.staffHours": [{ key: "tooSmall" }],
      "values.trainingsDelivered": [{ key: "wholeNumber" }],
      "services.housing": [{ key: "tooSmall" }],
    });
    // Another organization's report is not theirs.
    const other = await trpcErrorOf(member.contribution.saveDraft({ ...input, organizationId: sheriff.id, version: null }), "FORBIDDEN");
    expect(domainErrorOf(other).messageKey).toBe("contributionOwnOrganizationOnly");
    await trpcErrorOf(member.contribution.report({ taskForceSlug: slug(), period: lastQuarter, organizationId: sheriff.id }), "FORBIDDEN");
    // A period that has not started, and submitting one that has not ended.
    const nextYear = `${Number(currentQuarter.slice(0, 4)) + 1}-Q1`;
    const future = await trpcErrorOf(member.contribution.saveDraft({ ...input, period: nextYear, version: null }), "BAD_REQUEST");
    expect(domainErrorOf(future)).toMatchObject({ messageKey: "contributionPeriodInFuture", field: "period" });
    const running = await trpcErrorOf(member.contribution.submit({ ...input, period: currentQuarter, version: null }), "BAD_REQUEST");
    expect(domainErrorOf(running).messageKey).toBe("contributionPeriodNotEnded");
    // A stale version is refused.
    await trpcErrorOf(member.contribution.submit({ ...input, version: 7 }), "CONFLICT");

    const submitted = await member.contribution.submit({ ...input, version: 1 });
    expect(submitted).toMatchObject({ status: "submitted", version: 2 });
    const again = await trpcErrorOf(member.contribution.submit({ ...input, version: 2 }), "CONFLICT");
    expect(domainErrorOf(again)).toMatchObject({ messageKey: "contributionAlreadySubmitted", values: { period: lastQuarter, organization: "Safe Harbor" } });

    const reloaded = await member.contribution.report({ taskForceSlug: slug(), period: lastQuarter });
    expect(reloaded.content).toEqual({
      values: input.values,
      peopleTrained: input.peopleTrained,
      services: input.services,
      inKind: input.inKind,
    });
    expect(reloaded).toMatchObject({ canEdit: false, canSubmit: false, canReturn: false });
    // The submitter's name, looked up by their id (not joined) since the scale bench (issue 17).
    expect(reloaded.report).toMatchObject({ status: "submitted", submittedByName: advocate.name });
    const audit = await auditOf(taskForce.id, "contributionReport");
    expect(audit.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["save", advocate.id],
      ["submit", advocate.id],
    ]);
    expect(audit[1]?.changes).toMatchObject({ status: { from: "draft", to: "submitted" } });
  });

  it("offers a report not yet begun its organization's figures of the period before, and no one else's", async () => {
    const next = await callerFor(advocate).contribution.report({ taskForceSlug: slug(), period: currentQuarter });
    expect(next.report).toBeNull();
    expect(next.previous).toEqual({
      period: lastQuarter,
      content: {
        values: { staffHours: 40.5, trainingsDelivered: 2, potentialVictimsIdentified: 4, confirmedVictimsIdentified: 2, referralsMade: 12, consultantPaidHours: 10 },
        peopleTrained: { health: 25, prosecution: 3 },
        services: { housing: 14, food: 3, medical: 0 },
        inKind: [{ description: "Meeting room for six sessions", value: 450 }],
      },
    });
    // The clinic reported nothing last quarter: nothing is offered, least of all the shelter's figures.
    expect((await callerFor(nurse).contribution.report({ taskForceSlug: slug(), period: currentQuarter })).previous).toBeNull();
    // A period that has its own report holds that, and offers nothing.
    expect((await callerFor(advocate).contribution.report({ taskForceSlug: slug(), period: lastQuarter })).previous).toBeNull();
  });

  it("flags a submission after the due date as late, and keeps the flag through a return for correction", async () => {
    const period = parsePeriod(lastQuarter)!;
    const afterDue = new Date(`${dueOnOf(period, 30)}T18:00:00Z`);
    const deputyScope = scopeFor(taskForce, { userId: deputy.id, role: "member", organizationId: sheriff.id });
    const report = await submitReport(
      deputyScope,
      {
        period: lastQuarter,
        organizationId: sheriff.id,
        version: null,
        values: { staffHours: 20, referralsMade: 30, referralsReceived: 5, potentialVictimsIdentified: 15, confirmedVictimsIdentified: 3 },
        peopleTrained: { lawEnforcementLocalState: 40 },
        services: { housing: 2, criminalJustice: 20 },
        inKind: [],
      },
      new Date(afterDue.getTime() + 2 * DAY),
    );
    expect(report).toMatchObject({ status: "submitted", late: true });

    const coordinatorCaller = callerFor(coordinator);
    const forbidden = await trpcErrorOf(
      callerFor(advocate).contribution.returnForCorrection({ taskForceSlug: slug(), reportId: report.id, version: report.version, reason: "x" }),
      "FORBIDDEN",
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    await trpcErrorOf(coordinatorCaller.contribution.returnForCorrection({ taskForceSlug: slug(), reportId: report.id, version: report.version, reason: " " }), "BAD_REQUEST");
    const returned = await coordinatorCaller.contribution.returnForCorrection({
      taskForceSlug: slug(),
      reportId: report.id,
      version: report.version,
      reason: "Referrals received looks too low",
    });
    expect(await notificationsOf(deputy)).toEqual([
      {
        kind: "contributionsReturned",
        values: { period: lastQuarter, reason: "Referrals received looks too low" },
        link: `/tf/${slug()}/contributions/${lastQuarter}`,
      },
    ]);
    const form = await callerFor(deputy).contribution.report({ taskForceSlug: slug(), period: lastQuarter });
    expect(form.report).toMatchObject({ status: "returned", returnedReason: "Referrals received looks too low", late: true });
    const resubmitted = await callerFor(deputy).contribution.submit({
      taskForceSlug: slug(),
      period: lastQuarter,
      organizationId: sheriff.id,
      version: returned.version,
      ...form.content,
      values: { ...form.content.values, referralsReceived: 25 },
    });
    expect(resubmitted).toMatchObject({ status: "submitted", late: true });
    expect((await auditOf(taskForce.id, "contributionReport")).filter((entry) => entry.entityId === report.id).map((entry) => entry.action)).toEqual([
      "submit",
      "return",
      "submit",
    ]);
  });

  it("shows each role what DESIGN.md says: coordinators all detail, members their own, viewers and funders totals", async () => {
    const input = { taskForceSlug: slug(), period: lastQuarter };
    const asCoordinator = await callerFor(coordinator).contribution.period(input);
    expect(asCoordinator.rows.map((row) => [row.kind, row.name, row.status])).toEqual([
      ["organization", "Health Clinic", "missing"],
      ["organization", "Safe Harbor", "submitted"],
      ["organization", "Sheriff's Office", "submitted"],
      ["all", null, null],
    ]);
    const all = asCoordinator.rows.at(-1)!;
    expect(all.cells.staffHours).toEqual({ suppressed: false, value: 60.5 });
    expect(all.cells["services.housing"]).toEqual({ suppressed: false, value: 16 });
    // 60.5 h × $30 + 10 h × $50.50 + $450 in kind.
    expect(all.cells.totalValue).toEqual({ suppressed: false, value: 181500 + 50500 + 45000 });
    // The member submitted in real time: late or not depends on today's date.
    const memberLate = dateInZone(new Date(), taskForce.timeZone) > dueOnOf(parsePeriod(lastQuarter)!, 30);
    expect(asCoordinator.completeness).toMatchObject({ expected: 3, submitted: 2, late: memberLate ? 2 : 1, onTime: memberLate ? 0 : 1, missing: 1 });

    const asMember = await callerFor(advocate).contribution.period(input);
    expect(asMember.rows.map((row) => [row.kind, row.name])).toEqual([
      ["organization", "Safe Harbor"],
      ["others", null],
      ["all", null],
    ]);
    expect(asMember.rows[1]?.cells.staffHours).toEqual({ suppressed: false, value: 20 });

    const asViewer = await callerFor(viewer).contribution.period(input);
    expect(asViewer.rows.map((row) => row.kind)).toEqual(["all"]);
    expect(asViewer.suppressed).toBe(false);
    expect(asViewer.rows[0]?.cells.confirmedVictimsIdentified).toEqual({ suppressed: false, value: 5 });
  });

  it("never sends a funder a suppressed value: every victim-related count is 0, above the threshold, or hidden", async () => {
    const threshold = smallCellThreshold();
    const funderCaller = callerFor(funder);
    const input = { taskForceSlug: slug(), period: lastQuarter };
    const period = await funderCaller.contribution.period(input);
    const overview = await funderCaller.contribution.overview({ taskForceSlug: slug() });
    expect(period.suppressed).toBe(true);
    expect(period.rows.map((row) => row.kind)).toEqual(["all"]);
    const cells = period.rows[0]!.cells;
    // Raw: confirmed 5, services.food 3, services.housing 16 — 5 and 3 are small; housing is
    // hidden as the complement of food (services total 39 stays visible).
    expect(cells.confirmedVictimsIdentified).toEqual({ suppressed: true });
    expect(cells["services.food"]).toEqual({ suppressed: true });
    expect(cells["services.housing"]).toEqual({ suppressed: true });
    expect(cells["services.medical"]).toEqual({ suppressed: false, value: 0 });
    expect(cells["services.total"]).toEqual({ suppressed: false, value: 39 });
    expect(cells.potentialVictimsIdentified).toEqual({ suppressed: false, value: 19 });

    const victimKeys = period.columns.filter((column) => column.victimRelated).map((column) => column.key);
    for (const key of victimKeys) {
      const cell = cells[key]!;
      if (!cell.suppressed) expect(cell.value === 0 || cell.value > threshold, `${key} = ${cell.value}`).toBe(true);
    }
    for (const shown of shownValues(overview.victimCounts)) {
      if (!shown.suppressed) expect(shown.value === 0 || shown.value > threshold).toBe(true);
    }
    // A hidden value leaves nothing behind in the response: no `value` beside `suppressed: true`.
    for (const shown of [...shownValues(period), ...shownValues(overview)]) if (shown.suppressed) expect(Object.keys(shown)).toEqual(["suppressed"]);
    // No organization names or per-organization series reach a funder.
    expect(JSON.stringify(period)).not.toContain("Safe Harbor");
    expect(overview.valueByOrganization).toBeNull();
    expect(overview.completeness.every((row) => row.organizations === null)).toBe(true);

    // The same in the funder's exports.
    const csvFile = await funderCaller.contribution.export({ ...input, format: "csv" });
    const [header, totals] = parse(Buffer.from(csvFile.base64, "base64").toString("utf8"), { bom: true }) as string[][];
    const column = (name: string) => totals![header!.indexOf(name)];
    expect(column("confirmed_victims_identified")).toBe("suppressed");
    expect(column("services_food")).toBe("suppressed");
    expect(column("services_housing")).toBe("suppressed");
    expect(column("services_total")).toBe("39");
    expect(csvFile.fileName).toMatch(new RegExp(`^${slug()}-contributions-${lastQuarter}-suppressed-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const workbook = await workbookOf((await funderCaller.contribution.export({ ...input, format: "xlsx" })).base64);
    const sheet = workbook.worksheets[0]!;
    const headerRow = (sheet.getRow(1).values as unknown[]).slice(1);
    const totalsRow = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(totalsRow[headerRow.indexOf("services_food")]).toBe("suppressed");
    expect(totalsRow[headerRow.indexOf("confirmed_victims_identified")]).toBe("suppressed");
    for (const [index, name] of headerRow.entries()) {
      const value = totalsRow[index];
      if (victimKeys.some((key) => period.columns.find((one) => one.key === key)?.csv === name) && typeof value === "number") {
        expect(value === 0 || value > threshold).toBe(true);
      }
    }
  });

  it("exports the coordinator's table as XLSX with numbers as numbers and dates as dates", async () => {
    const file = await callerFor(coordinator).contribution.export({ taskForceSlug: slug(), period: lastQuarter, format: "xlsx" });
    const workbook = await workbookOf(file.base64);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = [2, 3, 4, 5].map((number) => (sheet.getRow(number).values as unknown[]).slice(1));
    const shelterRow = rows.find((row) => row[0] === "Safe Harbor")!;
    expect(shelterRow[header.indexOf("staff_hours")]).toBe(40.5);
    expect(shelterRow[header.indexOf("in_kind_value")]).toBe(450);
    expect(shelterRow[header.indexOf("submitted_at")]).toBeInstanceOf(Date);
    expect(shelterRow[header.indexOf("in_kind_description")]).toBe("Meeting room for six sessions");
    expect(rows.find((row) => row[0] === "Health Clinic")?.[header.indexOf("status")]).toBe("not started");
    expect(workbook.worksheets[1]?.getCell("B3").value).toBeInstanceOf(Date);
  });

  it("imports a CSV all or nothing, with the line and column of every problem", async () => {
    const nurseCaller = callerFor(nurse);
    const template = await nurseCaller.contribution.template({ taskForceSlug: slug(), period: lastQuarter });
    const templateText = Buffer.from(template.base64, "base64").toString("utf8");
    // A member's template has their own organization only.
    expect(templateText.split("\r\n").filter(Boolean).map((line) => line.split(",")[0])).toEqual(["\uFEFForganization", "Health Clinic"]);

    const header = "organization,staff_hours,trainings_delivered,services_housing,in_kind_description,in_kind_value";
    const bad = await nurseCaller.contribution.importCsv({
      taskForceSlug: slug(),
      period: lastQuarter,
      csv: `${header}\nHealth Clinic,-5,2.5,1,,\nSafe Harbor,1,1,1,,\n`,
    });
    expect(bad.imported).toBe(0);
    expect(bad.problems.map((problem) => [problem.line, problem.column, problem.key])).toEqual([
      [2, "staff_hours", "importNegative"],
      [2, "trainings_delivered", "importWholeNumber"],
    ]);
    const notTheirs = await nurseCaller.contribution.importCsv({ taskForceSlug: slug(), period: lastQuarter, csv: `${header}\nHealth Clinic,1,1,1,,\nSafe Harbor,1,1,1,,\n` });
    expect(notTheirs.problems.map((problem) => [problem.line, problem.key])).toEqual([[3, "importOtherOrganization"]]);
    expect((await callerFor(coordinator).contribution.period({ taskForceSlug: slug(), period: lastQuarter })).completeness.submitted).toBe(2);

    const good = await nurseCaller.contribution.importCsv({
      taskForceSlug: slug(),
      period: lastQuarter,
      csv: `${header}\n"Health Clinic",12,1,6,"Vaccination clinic space",1200.50\n`,
    });
    expect(good).toEqual({ imported: 1, problems: [] });
    const form = await nurseCaller.contribution.report({ taskForceSlug: slug(), period: lastQuarter });
    expect(form.report?.status).toBe("submitted");
    expect(form.content).toMatchObject({ values: { staffHours: 12, trainingsDelivered: 1 }, services: { housing: 6 }, inKind: [{ description: "Vaccination clinic space", value: 1200.5 }] });
    const again = await callerFor(coordinator).contribution.importCsv({ taskForceSlug: slug(), period: lastQuarter, csv: `${header}\nHealth Clinic,1,1,1,,\n` });
    expect(again.problems.map((problem) => problem.key)).toEqual(["importAlreadySubmitted"]);
    expect((await auditOf(taskForce.id, "contributionReport")).filter((entry) => entry.action === "import")).toHaveLength(1);

    // An export re-imports: its extra columns are known and ignored.
    const exported = await callerFor(coordinator).contribution.export({ taskForceSlug: slug(), period: lastQuarter, format: "csv" });
    const exportedText = Buffer.from(exported.base64, "base64").toString("utf8");
    const reimport = await callerFor(coordinator).contribution.importCsv({ taskForceSlug: slug(), period: lastQuarter, csv: exportedText });
    // Only the totals row ("All organizations", line 5) is not an organization's row.
    expect(reimport.imported).toBe(0);
    expect(new Set(reimport.problems.map((problem) => problem.line))).toEqual(new Set([5]));
  });

  it("values contributions toward a grant match from submitted reports within the range", async () => {
    const period = parsePeriod(lastQuarter)!;
    const match = await contributionMatchValue(await getDb(), { taskForceId: taskForce.id }, { from: period.start, to: period.end });
    // Staff 40.5 + 20 + 12 h at $30; consultants 10 h at $50.50; in kind $450 + $1,200.50.
    expect(match).toEqual({
      staffHours: 72.5,
      consultantPaidHours: 10,
      inKindCents: 165050,
      staffTimeCents: 217500,
      consultantTimeCents: 50500,
      totalCents: 165050 + 217500 + 50500,
    });
    expect((await contributionMatchValue(await getDb(), { taskForceId: taskForce.id }, { from: period.start, to: period.start })).totalCents).toBe(0);
  });

  it("reminds the staff of organizations that have not submitted, once a day from the button, and from the nightly source", async () => {
    const lateOrganization = await createOrganization(taskForce, { name: "Labor Office" });
    const { user: inspector } = await createMember(taskForce, "member", { organizationId: lateOrganization.id });
    const first = await callerFor(coordinator).contribution.remind({ taskForceSlug: slug(), period: lastQuarter });
    expect(first).toEqual({ notified: 1, emailed: 0, organizationsWithoutAccounts: [] });
    expect((await callerFor(coordinator).contribution.remind({ taskForceSlug: slug(), period: lastQuarter })).notified).toBe(0);
    expect((await notificationsOf(inspector)).map((row) => row.kind)).toEqual(["contributionsReminder"]);
    await trpcErrorOf(callerFor(advocate).contribution.remind({ taskForceSlug: slug(), period: lastQuarter }), "FORBIDDEN");

    const period = parsePeriod(lastQuarter)!;
    const due = dueOnOf(period, 30);
    const db = await getDb();
    const early = await collectUnsubmittedContributionReminders(db, taskForce, addDays(period.end, 1));
    expect(early).toEqual([]);
    const soon = await collectUnsubmittedContributionReminders(db, taskForce, due);
    expect(soon.map((reminder) => reminder.notification)).toEqual([
      {
        taskForceId: taskForce.id,
        userId: inspector.id,
        kind: "contributionsDueSoon",
        values: { period: lastQuarter, dueOn: due },
        link: `/tf/${slug()}/contributions/${lastQuarter}`,
        dedupeKey: `contributionsDueSoon:${lastQuarter}:${lateOrganization.id}:${inspector.id}`,
      },
    ]);
    const overdue = await collectUnsubmittedContributionReminders(db, taskForce, addDays(due, 1));
    expect(overdue.map((row) => [row.notification.kind, row.notification.userId])).toEqual([["contributionsOverdue", inspector.id]]);
  });
});
