import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { attendance, auditLog, gaps, grantRequirements, grants } from "@/db/schema";
import { answersForAll, callerFor, createActionItemFor, createOrganization, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, createRunningAward, createTaskForceWithCoordinator, dateFromToday, respond, scopeFor, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { getGrant } from "@/server/domains/grants/grants.service";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { insertContributionReport, insertMeeting, insertMou, insertProtocol } from "@/server/domains/grants/records.fixtures";
import { addDays } from "@/server/lib/dates";
import { contributionMatchValue } from "@/server/domains/contributions/contributions.match";
import { upsertSettings } from "@/server/domains/contributions/contributions.queries";
import { smallCellThreshold } from "@/server/env";
import { periodContaining, previousPeriod, type Period } from "@/server/domains/contributions/periods";
import es from "@/app/i18n/messages/es.json";
import { reportToXlsx, sectionToCsv } from "./reports.export";

/** A contribution report's period fields for one quarter. */
const quarterFields = (quarter: Period) => ({ period: quarter.key, periodStart: quarter.start, periodEnd: quarter.end });

/** Rows of a worksheet below its header, as arrays of cell values (index 0 is column A). */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

describe("progress reports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;
  let funder: TestUser;
  let member: TestUser;
  let grantId: string;
  let currentPeriodEnd: string;
  let currentPeriodStart: string;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createAssessingTaskForce());
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: member } = await createMember(taskForce, "member"));
    const caller = callerFor(coordinator);
    // An award that started a year ago, so that periods have ended and the current one has begun.
    const award = await createRunningAward(taskForce, caller, { awardNumber: "R-1", amount: 900_000 });
    grantId = award.grantId;
    ({ start: currentPeriodStart, end: currentPeriodEnd } = award.currentPeriod);

    const round = await createAssessmentRound(taskForce, coordinator);
    // Three different answers per element: a report is for outside use, and smaller or uniform groups are withheld (ratingPrivacy.ts).
    const { user: secondMember } = await createMember(taskForce, "member");
    await respond(coordinator, taskForce, round.id, answersForAll(3, { "A.mou": 2 }));
    await respond(member, taskForce, round.id, answersForAll(2, { "A.mou": 1 }));
    await respond(secondMember, taskForce, round.id, answersForAll(4, { "A.mou": 3 }));
    await caller.assessment.close({ taskForceSlug: slug(), roundId: round.id });
    const gap = await createGapFor(taskForce, coordinator, { title: "Referral protocol" });
    await createGapFor(taskForce, coordinator, { title: "Training plan", elementKey: "B.services" });
    const action = await createActionItemFor(taskForce, coordinator, { title: "Internal step" });

    const detail = await caller.grant.get({ taskForceSlug: slug(), grantId });
    const protocols = detail.requirements.find((requirement) => requirement.templateKey === "protocols")!;
    await caller.grant.updateRequirement({ taskForceSlug: slug(), requirementId: protocols.id, version: protocols.version, dueOn: "2030-01-31" });
    // The protocols requirement is computed: a drafted, not yet adopted protocol makes it "in progress".
    await insertProtocol(taskForce, { title: "Referral protocol draft", status: "draft" });
    await caller.grant.addEvidence({ taskForceSlug: slug(), requirementId: protocols.id, kind: "gap", recordId: gap.id });
    await caller.grant.addEvidence({ taskForceSlug: slug(), requirementId: protocols.id, kind: "action_item", recordId: action.id });
  });

  it("generates the report from live data; its XLSX reads back with the database's figures, numbers as numbers and dates as dates", async () => {
    const caller = callerFor(coordinator);
    const { id } = await caller.report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const report = await caller.report.get({ taskForceSlug: slug(), reportId: id });
    expect(report.audience).toBe("internal");
    expect(report.content.sections.map((section) => section.key)).toEqual(["requirements", "roadmap", "gaps", "meetings", "trainings", "contributions", "victimCounts", "mousProtocols"]);

    const workbook = new ExcelJS.Workbook();
    // A copy into a fresh ArrayBuffer: what a browser or a file read would hand exceljs.
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Grant requirements", "Roadmap stages by area", "Gaps", "Meetings and attendance", "Trainings and people trained", "Contributions and match", "Persons identified and services", "MOUs and protocols"]);

    const db = await getDb();
    const storedRequirements = await db.select({ title: grantRequirements.title, status: grantRequirements.status }).from(grantRequirements).where(eq(grantRequirements.grantId, grantId));
    const requirementRows = rowsOf(workbook.getWorksheet("Grant requirements")!);
    // Requirement rows, a blank row, then the totals.
    const requirementTable = requirementRows.slice(0, storedRequirements.length);
    expect(requirementTable.map((row) => row[0]).sort()).toEqual(storedRequirements.map((row) => row.title).sort());
    const protocolsRow = requirementTable.find((row) => row[0] === "Written operational protocols, adopted and reviewed")!;
    expect(protocolsRow[1]).toBe("In progress");
    expect(protocolsRow[4]).toEqual(new Date("2030-01-31T00:00:00Z"));
    expect(protocolsRow[5]).toBe(2);
    expect(typeof protocolsRow[5]).toBe("number");
    const totals = Object.fromEntries(requirementRows.slice(storedRequirements.length).filter((row) => row.length).map((row) => [row[0], row[1]]));
    expect(totals.Requirements).toBe(storedRequirements.length);
    const live = await getGrant(scopeFor(taskForce, coordinatorMembership), { grantId });
    expect(totals.Met).toBe(live.progress.met);
    expect(totals["In progress"]).toBe(live.progress.inProgress);

    const roadmapRows = rowsOf(workbook.getWorksheet("Roadmap stages by area")!);
    expect(roadmapRows[0]?.[0]).toBe("A. Structure and leadership");
    // A: mission 3, mou 2, protocols 3 → mean 2.67, stored to one decimal.
    expect(roadmapRows[0]?.[2]).toBe(2.7);

    const gapRows = rowsOf(workbook.getWorksheet("Gaps")!);
    const storedGaps = await db.select({ title: gaps.title }).from(gaps).where(eq(gaps.taskForceId, taskForce.id));
    expect(gapRows.slice(0, storedGaps.length).map((row) => row[0]).sort()).toEqual(storedGaps.map((row) => row.title).sort());
    expect(gapRows.slice(0, storedGaps.length).every((row) => row[6] instanceof Date)).toBe(true);

    const csv = sectionToCsv(report.content.sections[2]!);
    expect(csv.split("\r\n")[0]).toBe("Gap,Element,Priority,Status now,Owner,Due,Opened,Resolved");
    // People read the element's name, not its key (A.mou).
    expect(csv).toContain("Referral protocol,Memoranda of understanding,Medium priority,Open,,,");

    const audit = await db.select({ action: auditLog.action, actorUserId: auditLog.actorUserId }).from(auditLog).where(and(eq(auditLog.entity, "grantReport"), eq(auditLog.entityId, id)));
    expect(audit).toEqual([{ action: "generate", actorUserId: coordinator.id }]);
  });

  it("is written in the language of whoever generates it, with the same figures, and says which", async () => {
    const english = await callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const spanish = await callerFor(coordinator, { locale: "es-US" }).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const read = (id: string) => callerFor(coordinator).report.get({ taskForceSlug: slug(), reportId: id });
    const [inEnglish, inSpanish] = [(await read(english.id)).content, (await read(spanish.id)).content];
    expect(inEnglish.locale).toBe("en");
    expect(inSpanish.locale).toBe("es-US");
    expect(inSpanish.title).toBe(es.reports.documentTitle.replace("{taskForce}", inSpanish.taskForceName));
    expect(inSpanish.sections.map((section) => section.key)).toEqual(inEnglish.sections.map((section) => section.key));
    expect(inSpanish.sections.map((section) => section.title)).not.toEqual(inEnglish.sections.map((section) => section.title));
    const figures = (content: typeof inEnglish) => content.sections.map((section) => section.rows.map((row) => Object.values(row).filter((cell) => typeof cell === "number")));
    expect(figures(inSpanish)).toEqual(figures(inEnglish));
  });

  it("reports the period's held meetings by type and, across full task-force meetings, the disciplines and organizations at the table", async () => {
    const police = await createOrganization(taskForce, { name: "Test Police", primaryDiscipline: "lawEnforcementLocalState" });
    const shelter = await createOrganization(taskForce, { name: "Test Shelter", primaryDiscipline: "victimServices" });
    const clinic = await createOrganization(taskForce, { name: "Test Clinic", primaryDiscipline: "victimServices" });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const full1 = await insertMeeting(taskForce, { title: "Full one", startsAt: hourAgo, status: "held" });
    const full2 = await insertMeeting(taskForce, { title: "Full two", startsAt: new Date(hourAgo.getTime() - 60_000), status: "held" });
    await insertMeeting(taskForce, { title: "Committee", type: "committee", startsAt: hourAgo, status: "held" });
    // Not counted: one held before the period began, one not held.
    const before = await insertMeeting(taskForce, { title: "Earlier", startsAt: new Date(Date.parse(`${currentPeriodStart}T12:00:00Z`) - 2 * 86_400_000), status: "held" });
    await insertMeeting(taskForce, { title: "Planned", startsAt: hourAgo, status: "scheduled" });
    const db = await getDb();
    const at = (meetingId: string, organization: { id: string; primaryDiscipline: string }, status: "present" | "absent" = "present") =>
      ({ taskForceId: taskForce.id, meetingId, organizationId: organization.id, discipline: organization.primaryDiscipline, status }) as const;
    await db.insert(attendance).values([at(full1.id, police), at(full1.id, shelter), at(full2.id, shelter), at(full2.id, clinic), at(full2.id, police, "absent"), at(before.id, police)]);

    const caller = callerFor(coordinator);
    const { id } = await caller.report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const report = await caller.report.get({ taskForceSlug: slug(), reportId: id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
    const rows = rowsOf(workbook.getWorksheet("Meetings and attendance")!);
    // Meetings, then the previous period's (the earlier meeting, the police at the table), the change
    // and the change in percent (none of 0); organizations, the previous period's and the change.
    // A spreadsheet row ends at its last value: the empty organizations cells are not read back.
    expect(rows.slice(0, 4)).toEqual([
      ["Meetings held by type", "Full task force", 2, 1, 1, 100],
      ["Meetings held by type", "Committee", 1, 0, 1],
      ["Full task-force meetings attended, by discipline", "Victim services", 2, 0, 2, undefined, 2, 0, 2],
      ["Full task-force meetings attended, by discipline", "Law enforcement — local/state", 1, 1, 0, 0, 1, 1, 0],
    ]);
    // (A blank row,) the totals' heading, then the totals.
    expect(rows[4]?.slice(0, 2)).toEqual(["Figure", "This period"]);
    const totals = Object.fromEntries(rows.slice(5).map((row) => [row[0], row.slice(1)]));
    expect(totals).toEqual({ "Meetings held in the period": [3, 1, 2, 200], "Full task-force meetings held in the period": [2, 1, 1, 100] });
  });

  it("reports trainings and people trained by sector from the submitted contribution reports of quarters within the period", async () => {
    const first = periodContaining(currentPeriodStart, "quarter");
    // The first quarter wholly within the period, and one before it: only the former counts.
    const within = first.start === currentPeriodStart ? first : periodContaining(addDays(first.end, 1), "quarter");
    const earlier = previousPeriod(first);
    const a = await createOrganization(taskForce, { name: "Trainer A" });
    const b = await createOrganization(taskForce, { name: "Trainer B" });
    await insertContributionReport(taskForce, a.id, quarterFields(within), { trainingsDelivered: 2, peopleTrained: { health: 12, education: 3 } });
    await insertContributionReport(taskForce, b.id, quarterFields(within), { trainingsDelivered: 1, peopleTrained: { health: 5 } });
    await insertContributionReport(taskForce, b.id, quarterFields(earlier), { trainingsDelivered: 9, peopleTrained: { health: 90 } });
    const draft = await createOrganization(taskForce, { name: "Trainer C" });
    await insertContributionReport(taskForce, draft.id, quarterFields(within), { trainingsDelivered: 7, peopleTrained: { tribal: 70 } }, "draft");

    const caller = callerFor(coordinator);
    const { id } = await caller.report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const report = await caller.report.get({ taskForceSlug: slug(), reportId: id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
    const rows = rowsOf(workbook.getWorksheet("Trainings and people trained")!);
    // People trained, then in the previous period (the earlier quarter), the change and the change in percent.
    expect(rows.slice(0, 2)).toEqual([
      ["Health and mental health", 17, 90, -73, -81.1],
      ["Education", 3, 0, 3],
    ]);
    const totals = Object.fromEntries(rows.slice(3).map((row) => [row[0], row.slice(1)]));
    expect(totals).toEqual({ "Trainings delivered": [3, 9, -6, -66.7], "People trained": [20, 90, -70, -77.8] });
  });

  it("reports the period's contribution totals in dollars and the match reached since the award began against the grant's target", async () => {
    const db = await getDb();
    await db.update(grants).set({ matchTarget: 1000 }).where(eq(grants.id, grantId));
    await upsertSettings(db, taskForce.id, { staffHourlyRateCents: 2000 });
    const first = periodContaining(currentPeriodStart, "quarter");
    const within = first.start === currentPeriodStart ? first : periodContaining(addDays(first.end, 1), "quarter");
    const org = await createOrganization(taskForce, { name: "Volunteer hours" });
    await insertContributionReport(taskForce, org.id, quarterFields(within), { staffHours: 10, outreachEvents: 4 });
    await insertContributionReport(taskForce, org.id, quarterFields(previousPeriod(first)), { staffHours: 5 });

    const caller = callerFor(coordinator);
    const { id } = await caller.report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const report = await caller.report.get({ taskForceSlug: slug(), reportId: id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
    const rows = new Map(rowsOf(workbook.getWorksheet("Contributions and match")!).map((row) => [row[0], row.slice(1)]));
    // The period's counts are totals under the money table, beside the previous period's and the change.
    expect(rows.get("Staff hours in the period")).toEqual([10, 5, 5, 100]);
    expect(rows.get("Outreach and awareness events in the period")).toEqual([4, 0, 4]);
    // 10 hours in the period and 5 before it, at $20 an hour: in the period, in the previous one,
    // the change, the change in percent, since the award began.
    expect(rows.get("Staff-time value")).toEqual([200, 100, 100, 100, 300]);
    const matched = await contributionMatchValue(db, { taskForceId: taskForce.id }, { from: dateFromToday(-400), to: currentPeriodEnd });
    expect(rows.get("Total value")?.[4]).toBe(matched.totalCents / 100);
    expect(rows.get("Match target")).toEqual([undefined, undefined, undefined, undefined, 1000]);
    // A percentage changes in points: no change in percent of it.
    const before = await contributionMatchValue(db, { taskForceId: taskForce.id }, { from: dateFromToday(-400), to: addDays(currentPeriodStart, -1) });
    const share = (cents: number) => Math.round((cents / 100 / 1000) * 1000) / 10;
    expect(rows.get("Match reached (percent of target)")).toEqual([share(matched.totalCents), share(before.totalCents), Math.round((share(matched.totalCents) - share(before.totalCents)) * 100) / 100]);
  });

  it("suppresses the victim-related counts in every report: no value from 1 to the threshold in a funder's report data, XLSX or CSV", async () => {
    const threshold = smallCellThreshold();
    expect(threshold).toBe(10);
    // A task force of its own, whose only report is of a quarter that ended long enough ago for its
    // counts to be published (reports due), so the report shows them as published.
    const { taskForce: own, coordinator: ownCoordinator } = await createTaskForceWithCoordinator();
    const { user: ownFunder } = await createMember(own, "funder");
    const within = previousPeriod(previousPeriod(periodContaining(dateFromToday(0), "quarter")));
    const { id: ownGrantId } = await callerFor(ownCoordinator).grant.create({
      taskForceSlug: own.slug,
      funderName: "Test Funder",
      program: "ECM",
      awardNumber: "R-2",
      amount: 100_000,
      matchTarget: null,
      periodStart: within.start,
      periodEnd: dateFromToday(700),
    });
    const reportingPeriod = reportingPeriods({ periodStart: within.start, periodEnd: dateFromToday(700), reportingCadence: "semiannual" })[0]!;
    const org = await createOrganization(own, { name: "Service provider" });
    await insertContributionReport(own, org.id, quarterFields(within), {
      potentialVictimsIdentified: 3,
      confirmedVictimsIdentified: 25,
      referralsReceived: 12,
      services: { housing: 4, medical: 30, food: 15 },
    });
    const isSmall = (value: unknown) => typeof value === "number" && value >= 1 && value <= threshold;

    for (const user of [ownCoordinator, ownFunder]) {
      const { id } = await callerFor(user).report.generate({ taskForceSlug: own.slug, grantId: ownGrantId, periodEnd: reportingPeriod.end });
      const report = await callerFor(user).report.get({ taskForceSlug: own.slug, reportId: id });
      const section = report.content.sections.find((candidate) => candidate.key === "victimCounts")!;
      // What the print view renders.
      expect(section.rows.flatMap((row) => Object.values(row)).filter(isSmall)).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
      const rows = rowsOf(workbook.getWorksheet("Persons identified and services")!);
      expect(rows.flat().filter(isSmall)).toEqual([]);
      // Housing (4) is suppressed, and so is food, the smallest other service, since the total is shown.
      // The award's first period: no previous figure nor change (columns 3 to 5), then the share.
      expect(rows.slice(0, 8)).toEqual([
        ["Persons identified as potential victims", "suppressed"],
        ["Persons identified as confirmed victims", 25],
        ["Referrals made", 0],
        ["Referrals received", 12],
        ["Services: Food", "suppressed", undefined, undefined, undefined, "suppressed"],
        ["Services: Housing", "suppressed", undefined, undefined, undefined, "suppressed"],
        ["Services: Medical", 30, undefined, undefined, undefined, 61.2],
        ["Services provided, total", 49],
      ]);
      const csvNumbers = sectionToCsv(section).split("\r\n").slice(1).flatMap((line) => line.split(",").slice(1)).filter(Boolean).map(Number);
      expect(csvNumbers.filter(isSmall)).toEqual([]);
      expect(sectionToCsv(section)).toContain("Persons identified as potential victims,suppressed,,,,\r\n");
    }
  });

  it("lists MOUs with parties and dates and protocols with adoption and review; a funder's report only those shared with funders", async () => {
    const sheriff = await createOrganization(taskForce, { name: "Test Sheriff" });
    const legal = await createOrganization(taskForce, { name: "Test Legal Aid" });
    await insertMou(
      taskForce,
      { title: "Shared MOU", status: "signed", signedOn: "2026-01-10", effectiveOn: "2026-02-01", expiresOn: "2028-01-31", sharedWithFunders: true },
      [sheriff.id, legal.id],
    );
    await insertMou(taskForce, { title: "Internal MOU", status: "draft" });
    await insertProtocol(taskForce, { title: "Shared protocol", topic: "language_access", status: "adopted", adoptedOn: "2026-03-01", nextReviewOn: "2027-03-01", sharedWithFunders: true });

    const sheetOf = async (user: TestUser) => {
      const { id } = await callerFor(user).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
      const report = await callerFor(user).report.get({ taskForceSlug: slug(), reportId: id });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
      return rowsOf(workbook.getWorksheet("MOUs and protocols")!);
    };
    const internal = await sheetOf(coordinator);
    // MOUs (soonest expiry first), then protocols, then the totals.
    expect(internal.slice(0, 2).map((row) => row[1])).toEqual(["Shared MOU", "Internal MOU"]);
    expect(internal.slice(2, 4).map((row) => row[1]).sort()).toEqual(["Referral protocol draft", "Shared protocol"]);
    expect(Object.fromEntries(internal.slice(4).map((row) => [row[0], row[1]]))).toEqual({ "MOUs signed": 1, "Protocols adopted": 1 });
    expect(internal[0]).toEqual(["MOU", "Shared MOU", "Test Legal Aid; Test Sheriff", "Signed", new Date("2026-01-10T00:00:00Z"), new Date("2026-02-01T00:00:00Z"), new Date("2028-01-31T00:00:00Z")]);
    const protocolRow = internal.find((row) => row[1] === "Shared protocol")!;
    expect(protocolRow.slice(0, 4)).toEqual(["Protocol", "Shared protocol", "Language access", "Adopted"]);
    expect(protocolRow.slice(7)).toEqual([new Date("2026-03-01T00:00:00Z"), new Date("2027-03-01T00:00:00Z")]);

    const shared = await sheetOf(funder);
    expect(shared.slice(0, 2).map((row) => row[1])).toEqual(["Shared MOU", "Shared protocol"]);
    expect(JSON.stringify(shared)).not.toContain("Internal MOU");
    expect(JSON.stringify(shared)).not.toContain("Referral protocol draft");
  });

  it("lets a funder generate a report of shared records only, and keeps the task force's own reports from them", async () => {
    const internal = await callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const { id } = await callerFor(funder).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd });
    const report = await callerFor(funder).report.get({ taskForceSlug: slug(), reportId: id });
    expect(report.audience).toBe("funder");
    const protocols = report.content.sections[0]!.rows.find((row) => row.title === "Written operational protocols, adopted and reviewed");
    expect(protocols).toMatchObject({ evidenceCount: 1, evidence: "Referral protocol" });
    expect(JSON.stringify(report.content)).not.toContain("Internal step");

    const hidden = await trpcErrorOf(callerFor(funder).report.get({ taskForceSlug: slug(), reportId: internal.id }), "NOT_FOUND");
    expect(domainErrorOf(hidden).messageKey).toBe("reportNotFound");
    const listed = await callerFor(funder).report.options({ taskForceSlug: slug() });
    expect(listed.reports.map((row) => row.id)).toContain(id);
    expect(listed.reports.map((row) => row.id)).not.toContain(internal.id);
  });

  it("refuses members and viewers, periods that are not the award's, and other task forces' reports", async () => {
    await trpcErrorOf(callerFor(member).report.generate({ taskForceSlug: slug(), grantId, periodEnd: currentPeriodEnd }), "FORBIDDEN");
    const { user: viewer } = await createMember(taskForce, "viewer");
    await trpcErrorOf(callerFor(viewer).report.options({ taskForceSlug: slug() }), "FORBIDDEN");
    const wrong = await trpcErrorOf(callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId, periodEnd: "2026-02-28" }), "BAD_REQUEST");
    expect(domainErrorOf(wrong)).toMatchObject({ messageKey: "unknownReportingPeriod", field: "periodEnd" });

    const other = await createTaskForceWithCoordinator();
    const { id: otherGrant } = await callerFor(other.coordinator).grant.create({
      taskForceSlug: other.taskForce.slug,
      funderName: "F",
      program: "P",
      awardNumber: "O-1",
      amount: 1,
      matchTarget: null,
      periodStart: dateFromToday(-400),
      periodEnd: dateFromToday(700),
    });
    const { id: otherReport } = await callerFor(other.coordinator).report.generate({ taskForceSlug: other.taskForce.slug, grantId: otherGrant, periodEnd: currentPeriodEnd });
    await trpcErrorOf(callerFor(coordinator).report.get({ taskForceSlug: slug(), reportId: otherReport }), "NOT_FOUND");
    await trpcErrorOf(callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId: otherGrant, periodEnd: currentPeriodEnd }), "NOT_FOUND");
    await trpcErrorOf(callerFor(funder).report.get({ taskForceSlug: other.taskForce.slug, reportId: otherReport }), "NOT_FOUND");
  });

  it("counts the semiannual-report requirement as met once the last ended period has a report", async () => {
    const caller = callerFor(coordinator);
    const detail = await caller.grant.get({ taskForceSlug: slug(), grantId });
    const requirement = () => detail.requirements.find((candidate) => candidate.templateKey === "semiannual-report");
    expect(requirement()?.computed?.explanation.key).toMatch(/^report(Missing|Due)$/);
    const lastEnded = detail.reporting.periods.filter((period) => period.end < detail.today).at(-1)!;
    await caller.report.generate({ taskForceSlug: slug(), grantId, periodEnd: lastEnded.end });
    const after = await caller.grant.get({ taskForceSlug: slug(), grantId });
    expect(after.requirements.find((candidate) => candidate.templateKey === "semiannual-report")).toMatchObject({
      effectiveStatus: "met",
      computed: { explanation: { key: "reportGenerated" } },
    });
    expect(after.reporting.periods.find((period) => period.end === lastEnded.end)?.reported).toBe(true);
  });
});
