import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { localeOf, serverTranslator } from "@/server/lib/translate";
import { can } from "@/server/auth/permissions";
import { appBaseUrl } from "@/server/env";
import { DomainError } from "@/server/errors";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { insertNotifications } from "@/server/domains/notifications";
import { findOrganization } from "@/server/domains/organizations";
import {
  findReport,
  findReportById,
  listSettings,
  insertReport,
  listOrganizationStaff,
  listReportInKind,
  listReportingOrganizations,
  listReportsOfPeriods,
  listReportValues,
  replaceReportContent,
  updateReportRow,
  upsertSettings,
  type ReportRow,
} from "./contributions.queries";
import { contentToRows, DEFAULT_CONTRIBUTION_SETTINGS, flatContent, rowsToContent, toCents, toDollars, type ContributionSettings } from "./contributions.rules";
import type { PeriodInput, ReportContent, ReportInput, ReturnReportInput, SaveReportInput, UpdateSettingsInput } from "./contributions.schemas";
import { dueOnOf, hasEnded, isFuture, parsePeriod, previousPeriod, type Period } from "./periods";
import { currentTime } from "@/server/lib/clock";

/*
 * The contributions ledger. Coordinators (contribution.manage) work on every organization's report;
 * a member (contribution.submit) on their own organization's only — that narrowing depends on the
 * record, so it lives here. One report per organization and period: saved as a draft, submitted,
 * returned for correction by a coordinator, submitted again. Every change is audited.
 */


export async function settingsOf(db: Database, taskForceId: string): Promise<ContributionSettings> {
  return (await settingsOfTaskForces(db, [taskForceId]))(taskForceId);
}

/** Each task force's settings by id, the defaults where it saved none: one query for any number of task forces. */
export async function settingsOfTaskForces(db: Database, taskForceIds: readonly string[]): Promise<(taskForceId: string) => ContributionSettings> {
  const rows = await listSettings(db, taskForceIds);
  return (taskForceId) => {
    const row = rows.find((candidate) => candidate.taskForceId === taskForceId);
    if (!row) return DEFAULT_CONTRIBUTION_SETTINGS;
    const { periodLength, staffHourlyRateCents, consultantHourlyRateCents, dueDays } = row;
    return { periodLength, staffHourlyRateCents, consultantHourlyRateCents, dueDays };
  };
}

/** The task force's calendar: today's date in its time zone, and its name. */
export function calendarOf(scope: TaskForceScope, now: Date) {
  return { today: todayOfScope(scope, now), taskForceName: scope.taskForceName, timeZone: scope.timeZone };
}

/** A period key from the input as a period; periods that have not started are refused. */
export function periodOrRefuse(key: string, today: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new DomainError("INVALID", "contributionPeriodFormat", { period: key }, "period");
  if (isFuture(period, today)) throw new DomainError("INVALID", "contributionPeriodInFuture", { period: key, start: period.start }, "period");
  return period;
}

/* ---------- settings ---------- */

export async function getContributionSettings(scope: TaskForceScope) {
  const settings = await settingsOf(await getDb(), scope.taskForceId);
  return {
    periodLength: settings.periodLength,
    staffHourlyRate: toDollars(settings.staffHourlyRateCents),
    consultantHourlyRate: toDollars(settings.consultantHourlyRateCents),
    dueDays: settings.dueDays,
  };
}

export function updateContributionSettings(scope: TaskForceScope, input: UpdateSettingsInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const before = await settingsOf(tx, scope.taskForceId);
    const after = {
      periodLength: input.periodLength,
      staffHourlyRateCents: toCents(input.staffHourlyRate),
      consultantHourlyRateCents: toCents(input.consultantHourlyRate),
      dueDays: input.dueDays,
    };
    const changes = changedFields<Record<string, unknown>>(before, after);
    if (Object.keys(changes).length === 0) return { changed: false };
    await upsertSettings(tx, scope.taskForceId, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "contributionSettings", entityId: scope.taskForceId, action: "update", changes });
    return { changed: true };
  });
}

/* ---------- one organization's report ---------- */

const managesAll = (scope: TaskForceScope) => can(scope.role, "contribution.manage");

/** The organization whose report the caller works on: a member's own, or the one a coordinator chose. */
async function organizationFor(db: Database, scope: TaskForceScope, organizationId: string | undefined) {
  if (!managesAll(scope)) {
    if (!scope.organizationId) throw new DomainError("FORBIDDEN", "contributionNeedOrganization");
    if (organizationId && organizationId !== scope.organizationId) {
      throw new DomainError("FORBIDDEN", "contributionOwnOrganizationOnly", {}, "organizationId");
    }
    organizationId = scope.organizationId;
  }
  if (!organizationId) throw new DomainError("INVALID", "unknownOrganization", {}, "organizationId");
  const organization = await findOrganization(db, scope.taskForceId, organizationId);
  if (!organization) throw new DomainError("INVALID", "unknownOrganization", {}, "organizationId");
  return organization;
}

function publicReport(report: ReportRow | null) {
  if (!report) return null;
  return {
    id: report.id,
    status: report.status,
    version: report.version,
    late: report.late,
    submittedAt: report.submittedAt,
    submittedByName: report.submittedByName,
    returnedAt: report.returnedAt,
    returnedReason: report.returnedReason,
  };
}

/** The form of one organization for one period: its report (if any), its numbers, and what the caller may do. */
export async function getReport(scope: TaskForceScope, input: ReportInput, now = currentTime()) {
  const db = await getDb();
  const { today } = calendarOf(scope, now);
  const period = periodOrRefuse(input.period, today);
  const organization = await organizationFor(db, scope, input.organizationId);
  const settings = await settingsOf(db, scope.taskForceId);
  const report = await findReport(db, scope.taskForceId, organization.id, period.key);
  const [values, inKind] = report
    ? await Promise.all([listReportValues(db, scope.taskForceId, report.id), listReportInKind(db, scope.taskForceId, report.id)])
    : [[], []];
  const editable = report?.status !== "submitted";
  return {
    period: { ...period, dueOn: dueOnOf(period, settings.dueDays), ended: hasEnded(period, today) },
    organization,
    report: publicReport(report),
    content: rowsToContent(values, inKind),
    previous: report ? null : await previousFigures(db, scope.taskForceId, organization.id, period),
    canEdit: editable,
    canSubmit: editable && hasEnded(period, today),
    canReturn: managesAll(scope) && report?.status === "submitted",
  };
}

/**
 * The organization's figures of the period before, offered to start a report not yet begun from:
 * most figures change little from one period to the next, and typing them again is where mistakes
 * creep in. Null when that period has no report with figures.
 */
async function previousFigures(db: Database, taskForceId: string, organizationId: string, period: Period) {
  const before = previousPeriod(period);
  const report = await findReport(db, taskForceId, organizationId, before.key);
  if (!report) return null;
  const [values, inKind] = await Promise.all([listReportValues(db, taskForceId, report.id), listReportInKind(db, taskForceId, report.id)]);
  if (values.length === 0 && inKind.length === 0) return null;
  return { period: before.key, content: rowsToContent(values, inKind) };
}

function staleReport(report: ReportRow) {
  return new DomainError("CONFLICT", "contributionReportChanged", { at: report.updatedAt.toISOString() });
}

export interface WriteOptions {
  submit: boolean;
  action: "save" | "submit" | "import";
}

/**
 * Saves (and, when asked, submits) one organization's report inside `tx`. A submitted report is
 * not changed again until a coordinator returns it: a second submission is refused, not merged.
 */
export async function writeReport(
  tx: Database,
  scope: TaskForceScope,
  target: { period: Period; organizationId: string; version: number | null; today: string; dueDays: number },
  content: ReportContent,
  options: WriteOptions,
  now: Date,
) {
  const { period, organizationId, today } = target;
  if (options.submit && !hasEnded(period, today)) {
    throw new DomainError("INVALID", "contributionPeriodNotEnded", { period: period.key, end: period.end }, "period");
  }
  const existing = await findReport(tx, scope.taskForceId, organizationId, period.key, "update");
  if (existing?.status === "submitted") {
    throw new DomainError("CONFLICT", "contributionAlreadySubmitted", { period: period.key, organization: existing.organizationName });
  }
  if (existing && target.version !== null && existing.version !== target.version) throw staleReport(existing);
  if (existing && target.version === null && options.action !== "import") throw staleReport(existing);

  const dueOn = dueOnOf(period, target.dueDays);
  // A correction after a return keeps the original submission's lateness.
  const late = existing?.status === "returned" ? existing.late : today > dueOn;
  const submission = options.submit ? { status: "submitted" as const, submittedAt: now, submittedByUserId: scope.userId, late } : {};
  let reportId: string;
  let version: number;
  let before: Record<string, unknown> | null = null;
  if (existing) {
    const [values, inKind] = await Promise.all([listReportValues(tx, scope.taskForceId, existing.id), listReportInKind(tx, scope.taskForceId, existing.id)]);
    before = flatContent(rowsToContent(values, inKind));
    const next = await updateReportRow(tx, scope.taskForceId, existing.id, existing.version, { ...submission, updatedByUserId: scope.userId, updatedAt: now });
    if (next === null) throw staleReport(existing);
    reportId = existing.id;
    version = next;
  } else {
    const created = await insertReport(tx, {
      taskForceId: scope.taskForceId,
      organizationId,
      period: period.key,
      periodStart: period.start,
      periodEnd: period.end,
      ...submission,
      createdByUserId: scope.userId,
      updatedByUserId: scope.userId,
      createdAt: now,
      updatedAt: now,
    });
    // Someone else created the report between our read and our insert.
    if (!created) throw new DomainError("CONFLICT", "contributionReportChanged", { at: now.toISOString() });
    reportId = created.id;
    version = created.version;
  }
  const rows = contentToRows(content);
  await replaceReportContent(tx, scope.taskForceId, reportId, rows.values, rows.inKind);
  const after = flatContent(content);
  await recordAudit(tx, auditedBy(scope), {
    entity: "contributionReport",
    entityId: reportId,
    action: options.action,
    changes: {
      ...(existing ? {} : { organizationId: { from: null, to: organizationId }, period: { from: null, to: period.key } }),
      ...changedFields(before, after),
      ...(options.submit ? { status: { from: existing?.status ?? null, to: "submitted" }, late: { from: null, to: late } } : {}),
    },
  });
  return {
    id: reportId,
    version,
    status: options.submit ? ("submitted" as const) : (existing?.status ?? ("draft" as const)),
    late: options.submit ? late : false,
    /** When the figures were saved, by the app's clock: the form says "Saved at …" from it. */
    savedAt: now,
  };
}

function saveOrSubmit(scope: TaskForceScope, input: SaveReportInput, submit: boolean, now: Date) {
  return inTransaction(async (tx) => {
    const { today } = calendarOf(scope, now);
    const period = periodOrRefuse(input.period, today);
    const organization = await organizationFor(tx, scope, input.organizationId);
    const settings = await settingsOf(tx, scope.taskForceId);
    const { values, peopleTrained, services, inKind } = input;
    return writeReport(
      tx,
      scope,
      { period, organizationId: organization.id, version: input.version, today, dueDays: settings.dueDays },
      { values, peopleTrained, services, inKind },
      { submit, action: submit ? "submit" : "save" },
      now,
    );
  });
}

export const saveReportDraft = (scope: TaskForceScope, input: SaveReportInput, now = currentTime()) => saveOrSubmit(scope, input, false, now);
export const submitReport = (scope: TaskForceScope, input: SaveReportInput, now = currentTime()) => saveOrSubmit(scope, input, true, now);

/** A coordinator sends a submitted report back with the reason; its submitter is told in-app. */
export function returnReport(scope: TaskForceScope, input: ReturnReportInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const report = await findReportById(tx, scope.taskForceId, input.reportId, "update");
    if (!report) throw new DomainError("NOT_FOUND", "contributionReportNotFound");
    if (report.version !== input.version) throw staleReport(report);
    if (report.status !== "submitted") throw new DomainError("CONFLICT", "contributionNotSubmitted", { period: report.period });
    const version = await updateReportRow(tx, scope.taskForceId, report.id, input.version, {
      status: "returned",
      submittedAt: null,
      returnedAt: now,
      returnedByUserId: scope.userId,
      returnedReason: input.reason,
      updatedByUserId: scope.userId,
      updatedAt: now,
    });
    if (version === null) throw staleReport(report);
    if (report.submittedByUserId && report.submittedByUserId !== scope.userId) {
      await insertNotifications(tx, [
        {
          taskForceId: scope.taskForceId,
          userId: report.submittedByUserId,
          kind: "contributionsReturned",
          values: { period: report.period, reason: input.reason },
          link: `/tf/${scope.taskForceSlug}/contributions/${report.period}`,
          dedupeKey: `contributions-returned:${report.id}:${version}`,
        },
      ]);
    }
    await recordAudit(tx, auditedBy(scope), {
      entity: "contributionReport",
      entityId: report.id,
      action: "return",
      changes: { status: { from: "submitted", to: "returned" }, returnedReason: { from: report.returnedReason, to: input.reason } },
    });
    return { version };
  });
}

/* ---------- reminders ---------- */

/**
 * "Send reminder" for one period: every active member account of each organization that has not
 * submitted gets an in-app notice (and an email when SMTP is set). The dedupe key holds one per
 * organization, period, person and day, so pressing twice reminds nobody twice.
 */
export async function sendPeriodReminders(scope: TaskForceScope, input: PeriodInput, now = currentTime()) {
  const { reminded, taskForceName, period, dueOn, skippedOrganizations } = await inTransaction(async (tx) => {
    const { today, taskForceName } = calendarOf(scope, now);
    const period = periodOrRefuse(input.period, today);
    const settings = await settingsOf(tx, scope.taskForceId);
    const [organizations, reports] = await Promise.all([
      listReportingOrganizations(tx, [scope.taskForceId], period),
      listReportsOfPeriods(tx, [scope.taskForceId], [period.key]),
    ]);
    const submitted = new Set(reports.filter((report) => report.status === "submitted").map((report) => report.organizationId));
    const missing = organizations.filter((organization) => !submitted.has(organization.id));
    const staff = await listOrganizationStaff(tx, scope.taskForceId, missing.map((organization) => organization.id));
    const dueOn = dueOnOf(period, settings.dueDays);
    const inserted = await insertNotifications(
      tx,
      staff.map((person) => ({
        taskForceId: scope.taskForceId,
        userId: person.userId,
        kind: "contributionsReminder",
        values: { period: period.key, dueOn },
        link: `/tf/${scope.taskForceSlug}/contributions/${period.key}`,
        dedupeKey: `contributions-reminder:${period.key}:${person.organizationId}:${person.userId}:${today}`,
      })),
    );
    const fresh = new Set(inserted.map((row) => row.userId));
    if (fresh.size > 0) {
      await recordAudit(tx, auditedBy(scope), {
        entity: "contributionPeriod",
        entityId: period.key,
        action: "remind",
        changes: { reminded: { from: null, to: fresh.size } },
      });
    }
    const withStaff = new Set(staff.map((person) => person.organizationId));
    return {
      reminded: staff.filter((person) => fresh.has(person.userId)),
      taskForceName,
      period,
      dueOn,
      skippedOrganizations: missing.filter((organization) => !withStaff.has(organization.id)).map((organization) => organization.name),
    };
  });
  let emailed = 0;
  if (isEmailConfigured()) {
    const link = `${appBaseUrl()}/tf/${scope.taskForceSlug}/contributions/${period.key}`;
    for (const person of reminded) {
      const reminderEmail = serverTranslator("contributions.reminderEmail", localeOf(person));
      try {
        await sendMail({
          to: person.email,
          subject: reminderEmail("subject", { period: period.key, taskForce: taskForceName }),
          text: reminderEmail("body", { period: period.key, taskForce: taskForceName, dueOn, link }),
        });
        emailed += 1;
      } catch (error) {
        // The in-app notice stands; a failed email is not worth failing the request for.
        console.error("Sending a contributions reminder failed:", error instanceof Error ? error.message : error);
      }
    }
  }
  return { notified: reminded.length, emailed, organizationsWithoutAccounts: skippedOrganizations };
}
