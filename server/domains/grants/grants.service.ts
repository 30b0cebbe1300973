import { onlyRow } from "@/db/rows";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findAssignablePerson } from "@/server/domains/people";
import { findOrganization } from "@/server/domains/organizations";
import { calculatorFacts, matchToDate, withEffectiveStatus, type CalculatorContext } from "./calculators";
import { evidenceKind, RECORD_EVIDENCE_KINDS, URL_EVIDENCE_KIND } from "./evidenceKinds";
import type { EvidenceRecord } from "./evidence.queries";
import { daysUntil, endedPeriods, nextReportDue, reportingPeriods, requirementProgress } from "./grants.rules";
import { findGrant, findGrantByAwardNumber, findRequirement, insertGrant, insertRequirements, latestRequirementUpdates, listEvidence, listGrants, listRequirements, listRequirementsLinkedTo, listRequirementsOfTaskForces, listReportsOfRecord, listTemplateKeysOf, nextRequirementPosition, updateGrantRow, updateRequirementRow, type GrantRow, type RequirementRow } from "./grants.queries";
import type { AddRequirementInput, ApplyTemplateInput, CreateGrantInput, EvidenceOptionsInput, GrantInput, LinkedRequirementsInput, OverrideRequirementInput, UpdateGrantInput, UpdateRequirementInput } from "./grants.schemas";
import { awardStatusRecorder } from "./statusRecorder";
import { canSetRates } from "./match.service";
import { ECM_TEMPLATE, REQUIREMENT_TEMPLATES, templateItemText } from "./templates";
import { currentTime } from "@/server/lib/clock";

/*
 * Grant awards and their requirements. Coordinators (grant.manage) change them; everyone in the
 * task force reads them (grant.read). Evidence pointing at internal records (drafts, action items)
 * is left out for readers without grant.readInternal, i.e. funders.
 */

export async function loadGrant(db: Database, scope: TaskForceScope, grantId: string) {
  const grant = await findGrant(db, scope.taskForceId, grantId);
  if (!grant) throw new DomainError("NOT_FOUND", "grantNotFound");
  return grant;
}

export async function loadRequirement(db: Database, scope: TaskForceScope, requirementId: string, lock?: "update") {
  const requirement = await findRequirement(db, scope.taskForceId, requirementId, lock);
  if (!requirement) throw new DomainError("NOT_FOUND", "requirementNotFound");
  return requirement;
}

/**
 * The recorder of an award's requirement statuses inside a change's transaction (statusRecorder.ts),
 * its calculations on the task force's records as they are in that transaction.
 */
function statusRecorder(tx: Database, scope: TaskForceScope, grant: CalculatorContext["grant"], now: Date, facts = calculatorFacts(tx, [scope.taskForceId])) {
  return awardStatusRecorder(tx, facts, { taskForceId: scope.taskForceId, grant, today: todayOfScope(scope, now) }, now);
}

/* ---------- the state of an award ---------- */

/** Reporting periods with whether a report was generated, the next one due and the overdue ones. */
function reportingState(grant: GrantRow, reportedEnds: ReadonlySet<string>, today: string) {
  const periods = reportingPeriods(grant).map((period) => ({ ...period, reported: reportedEnds.has(period.end) }));
  const ended = endedPeriods(periods, today);
  const next = nextReportDue(periods, today, reportedEnds);
  return {
    periods,
    nextDue: next ? { ...next, daysLeft: daysUntil(next.dueOn, today) } : null,
    overdue: ended.filter((period) => !period.reported && period.dueOn < today),
    /** Ended periods with a report, of all ended periods: reporting completeness. */
    reportedCount: ended.filter((period) => period.reported).length,
    endedCount: ended.length,
  };
}

/**
 * Every award of the given task forces with its requirement progress, reporting state and data
 * freshness: a fixed number of queries whatever the number of awards and task forces, plus one per
 * kind of record the calculators in use read (shared by all awards, see calculatorFacts).
 * Shared by the awards list, the dashboard widgets and the funder portfolio.
 */
export async function grantOverviews(db: Database, taskForces: readonly { id: string; today: string }[]) {
  const ids = taskForces.map((taskForce) => taskForce.id);
  if (ids.length === 0) return [];
  const facts = calculatorFacts(db, ids);
  const [grants, requirements, updates] = await Promise.all([listGrants(db, ids), listRequirementsOfTaskForces(db, ids), latestRequirementUpdates(db, ids)]);
  const todayOf = new Map(taskForces.map((taskForce) => [taskForce.id, taskForce.today]));
  const requirementsOf = new Map<string, RequirementRow[]>();
  for (const row of requirements) requirementsOf.set(row.grantId, [...(requirementsOf.get(row.grantId) ?? []), row]);
  return Promise.all(
    grants.map(async (grant) => {
      const today = todayOf.get(grant.taskForceId) ?? "";
      const [withStatus, reported] = await Promise.all([
        withEffectiveStatus(facts, { taskForceId: grant.taskForceId, grant, today }, requirementsOf.get(grant.id) ?? []),
        facts.reportedPeriodEnds(grant.taskForceId),
      ]);
      const reportedEnds = new Set(reported.filter((row) => row.grantId === grant.id).map((row) => row.periodEnd));
      return {
        grant,
        progress: requirementProgress(withStatus.map((requirement) => requirement.effectiveStatus)),
        reporting: reportingState(grant, reportedEnds, today),
        requirementsUpdatedAt: updates.find((row) => row.taskForceId === grant.taskForceId)?.updatedAt ?? null,
      };
    }),
  );
}

export async function listGrantsOf(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const overviews = await grantOverviews(db, [{ id: scope.taskForceId, today }]);
  return {
    today,
    grants: overviews.map(({ grant, progress, reporting }) => ({
      ...grant,
      progress,
      nextDue: reporting.nextDue,
      overdueCount: reporting.overdue.length,
    })),
    canManage: can(scope.role, "grant.manage"),
  };
}

/** The dashboard's requirement progress and next-report widgets: every award, summed up. */
export async function getGrantProgress(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const overviews = await grantOverviews(db, [{ id: scope.taskForceId, today }]);
  const nextDue = overviews
    .flatMap(({ grant, reporting }) => (reporting.nextDue ? [{ grantId: grant.id, awardNumber: grant.awardNumber, ...reporting.nextDue }] : []))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    today,
    grants: overviews.map(({ grant, progress, reporting }) => ({
      id: grant.id,
      awardNumber: grant.awardNumber,
      program: grant.program,
      progress,
      overdue: reporting.overdue.map((period) => ({ start: period.start, end: period.end, dueOn: period.dueOn })),
    })),
    nextDue: nextDue ?? null,
    updatedAt: overviews[0]?.requirementsUpdatedAt ?? null,
  };
}

export async function getGrant(scope: TaskForceScope, input: GrantInput, now = currentTime()) {
  const db = await getDb();
  const grant = await loadGrant(db, scope, input.grantId);
  const today = todayOfScope(scope, now);
  const facts = calculatorFacts(db, [scope.taskForceId]);
  const [rows, reported, ofRecord] = await Promise.all([
    listRequirements(db, scope.taskForceId, [grant.id]),
    facts.reportedPeriodEnds(scope.taskForceId),
    listReportsOfRecord(db, scope.taskForceId, grant.id),
  ]);
  const [requirements, evidence, match] = await Promise.all([
    withEffectiveStatus(facts, { taskForceId: scope.taskForceId, grant, today }, rows),
    visibleEvidence(db, scope, rows.map((row) => row.id)),
    matchToDate(facts, scope.taskForceId, grant, today),
  ]);
  const reportedEnds = new Set(reported.filter((row) => row.grantId === grant.id).map((row) => row.periodEnd));
  const canManage = can(scope.role, "grant.manage");
  const internal = can(scope.role, "grant.readInternal");
  // A link to the report only for those who may open reports of record (members and viewers may not).
  const opensReports = internal && can(scope.role, "report.generate");
  const applied = new Set(rows.flatMap((row) => (row.templateKey ? [row.templateKey] : [])));
  const reporting = reportingState(grant, reportedEnds, today);
  return {
    today,
    grant,
    reporting: {
      ...reporting,
      // Which report counts for each period: the coordinator's latest report of record. Readers
      // without internal access (funders) learn when it was made, not by whom, and get no link:
      // it is the task force's own document.
      periods: reporting.periods.map((period) => {
        const report = ofRecord.find((row) => row.periodEnd === period.end);
        return {
          ...period,
          reportOfRecord: report ? { id: opensReports ? report.id : null, generatedAt: report.generatedAt, generatedByName: internal ? report.generatedByName : null } : null,
        };
      }),
    },
    progress: requirementProgress(requirements.map((requirement) => requirement.effectiveStatus)),
    /** The local match to date against the award's target (null without one); see match.service.ts for who sees it. */
    match,
    canSetRates: canSetRates(scope),
    requirements: requirements.map((requirement) => ({
      ...requirement,
      evidence: evidence.filter((item) => item.requirementId === requirement.id),
    })),
    canManage,
    /** Template requirements not on the award yet, for "add from template". */
    templates: canManage
      ? REQUIREMENT_TEMPLATES.map((template) => ({
          key: template.key,
          items: template.items.filter((item) => !applied.has(item.key)).map((item) => ({ key: item.key, title: templateItemText(item, scope.locale).title })),
        }))
      : [],
    evidenceKinds: canManage ? [...RECORD_EVIDENCE_KINDS.filter((kind) => can(scope.role, evidenceKind(kind)!.readPermission)), URL_EVIDENCE_KIND] : [],
  };
}

/**
 * Evidence of the requirements with each record's label and page, checked against the task force:
 * a link whose record is gone (deleted meanwhile) shows as missing. Internal records are left out
 * for readers without grant.readInternal; kinds the reader may not see at all are left out too.
 */
async function visibleEvidence(db: Database, scope: TaskForceScope, requirementIds: readonly string[]) {
  const rows = await listEvidence(db, scope.taskForceId, requirementIds);
  const internal = can(scope.role, "grant.readInternal");
  const idsByKind = new Map<string, string[]>();
  for (const row of rows) if (row.recordId) idsByKind.set(row.kind, [...(idsByKind.get(row.kind) ?? []), row.recordId]);
  const records = new Map<string, EvidenceRecord>();
  await Promise.all(
    [...idsByKind.entries()].map(async ([kind, ids]) => {
      const definition = evidenceKind(kind);
      if (!definition || !can(scope.role, definition.readPermission)) return;
      for (const record of await definition.find(db, scope.taskForceId, ids)) records.set(`${kind}|${record.id}`, record);
    }),
  );
  return rows.flatMap((row) => {
    if (row.kind === URL_EVIDENCE_KIND) return [{ ...row, href: row.url, recordLabel: null, missing: false }];
    const definition = evidenceKind(row.kind);
    if (!definition || !row.recordId || !can(scope.role, definition.readPermission)) return [];
    const record = records.get(`${row.kind}|${row.recordId}`);
    if (record && !record.shared && !internal) return [];
    if (!record && !internal) return [];
    return [{ ...row, href: record ? definition.href(scope.taskForceSlug, row.recordId, record) : null, recordLabel: record?.label ?? null, missing: !record }];
  });
}

/** Records of a kind the coordinator can link as evidence. */
export async function listEvidenceOptions(scope: TaskForceScope, input: EvidenceOptionsInput) {
  const definition = evidenceKind(input.kind);
  if (!definition) throw new DomainError("INVALID", "unknownEvidenceKind", { kind: input.kind }, "kind");
  const records = await definition.find(await getDb(), scope.taskForceId, null);
  return records.map(({ id, label }) => ({ id, label }));
}

/** The requirements a record is evidence for, so the record's own page can show them (gaps do). */
export async function listLinkedRequirements(scope: TaskForceScope, input: LinkedRequirementsInput) {
  if (!evidenceKind(input.kind)) throw new DomainError("INVALID", "unknownEvidenceKind", { kind: input.kind }, "kind");
  return listRequirementsLinkedTo(await getDb(), scope.taskForceId, input.kind, input.recordId);
}

/* ---------- changing awards ---------- */

function assertPeriod(periodStart: string, periodEnd: string) {
  if (periodEnd <= periodStart) throw new DomainError("INVALID", "periodEndBeforeStart", {}, "periodEnd");
}

async function assertAwardNumberFree(db: Database, scope: TaskForceScope, awardNumber: string, grantId?: string) {
  const existing = await findGrantByAwardNumber(db, scope.taskForceId, awardNumber);
  if (existing && existing.id !== grantId) throw new DomainError("CONFLICT", "awardNumberTaken", { awardNumber }, "awardNumber");
}

export function createGrant(scope: TaskForceScope, input: CreateGrantInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    assertPeriod(input.periodStart, input.periodEnd);
    await assertAwardNumberFree(tx, scope, input.awardNumber);
    const { funderName, program, awardNumber, amount, matchTarget, periodStart, periodEnd, reportingCadence } = input;
    const values = { funderName, program, awardNumber, amount, matchTarget, periodStart, periodEnd, reportingCadence };
    const { id } = await insertGrant(tx, { ...values, taskForceId: scope.taskForceId, createdByUserId: scope.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "grant", entityId: id, action: "create", changes: changedFields(null, values) });
    if (input.applyEcmTemplate) await addTemplateItems(tx, scope, { id, periodStart, periodEnd, reportingCadence, matchTarget }, ECM_TEMPLATE.key, undefined, now);
    return { id };
  });
}

const GRANT_FIELDS = ["funderName", "program", "awardNumber", "amount", "matchTarget", "periodStart", "periodEnd", "reportingCadence"] as const;

export function updateGrant(scope: TaskForceScope, input: UpdateGrantInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const grant = await loadGrant(tx, scope, input.grantId);
    if (grant.version !== input.version) throw new DomainError("CONFLICT", "grantChangedByOther");
    // Named fields: the procedure's input also carries taskForceSlug, which belongs in neither the row nor the log.
    const after: Partial<Pick<UpdateGrantInput, (typeof GRANT_FIELDS)[number]>> = {};
    for (const field of GRANT_FIELDS) if (input[field] !== undefined && input[field] !== grant[field]) Object.assign(after, { [field]: input[field] });
    if (Object.keys(after).length === 0) return { id: grant.id, version: grant.version };
    assertPeriod(input.periodStart ?? grant.periodStart, input.periodEnd ?? grant.periodEnd);
    if (input.awardNumber !== undefined) await assertAwardNumberFree(tx, scope, input.awardNumber, grant.id);
    // The award's dates, cadence and match target are what computed statuses are measured against:
    // record the statuses on the terms before, and what the new terms change.
    const movesStatuses = after.periodStart !== undefined || after.periodEnd !== undefined || after.reportingCadence !== undefined || after.matchTarget !== undefined;
    const facts = calculatorFacts(tx, [scope.taskForceId]);
    if (movesStatuses) await statusRecorder(tx, scope, grant, now, facts).catchUp({ grantId: grant.id });
    const version = await updateGrantRow(tx, scope.taskForceId, grant.id, input.version, { ...after, updatedAt: now });
    if (version === null) throw new DomainError("CONFLICT", "grantChangedByOther");
    if (movesStatuses) await statusRecorder(tx, scope, { ...grant, ...after }, now, facts).catchUp({ grantId: grant.id });
    await recordAudit(tx, auditedBy(scope), { entity: "grant", entityId: grant.id, action: "update", changes: changedFields<Record<string, unknown>>(grant, after) });
    return { id: grant.id, version };
  });
}

/* ---------- requirements ---------- */

async function addTemplateItems(tx: Database, scope: TaskForceScope, grant: CalculatorContext["grant"], templateKey: string, itemKeys: readonly string[] | undefined, now: Date) {
  const grantId = grant.id;
  const template = REQUIREMENT_TEMPLATES.find((candidate) => candidate.key === templateKey);
  if (!template) throw new DomainError("INVALID", "unknownTemplate", { templateKey }, "templateKey");
  const unknown = itemKeys?.find((key) => !template.items.some((item) => item.key === key));
  if (unknown) throw new DomainError("INVALID", "unknownTemplateItem", { key: unknown }, "itemKeys");
  const present = await listTemplateKeysOf(tx, scope.taskForceId, grantId);
  const items = template.items.filter((item) => (!itemKeys || itemKeys.includes(item.key)) && !present.has(item.key));
  const first = await nextRequirementPosition(tx, scope.taskForceId, grantId);
  const created = await insertRequirements(
    tx,
    items.map((item, index) => ({
      taskForceId: scope.taskForceId,
      grantId,
      templateKey: item.key,
      computedKey: item.computedKey ?? null,
      ...templateItemText(item, scope.locale),
      position: first + index,
      updatedByUserId: scope.userId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  for (const [index, row] of created.entries()) {
    await recordAudit(tx, auditedBy(scope), {
      entity: "grantRequirement",
      entityId: row.id,
      action: "create",
      changes: { grantId: { from: null, to: grantId }, templateKey: { from: null, to: items[index]?.key ?? null }, title: { from: null, to: row.title } },
    });
  }
  await statusRecorder(tx, scope, grant, now).created(created.map((row) => row.id), scope.userId);
  return created.length;
}

export function applyTemplate(scope: TaskForceScope, input: ApplyTemplateInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const grant = await loadGrant(tx, scope, input.grantId);
    return { added: await addTemplateItems(tx, scope, grant, input.templateKey, input.itemKeys, now) };
  });
}

async function assertOwner(db: Database, scope: TaskForceScope, organizationId: string | null | undefined, userId: string | null | undefined) {
  if (organizationId && !(await findOrganization(db, scope.taskForceId, organizationId))) {
    throw new DomainError("INVALID", "unknownOrganization", {}, "ownerOrganizationId");
  }
  if (userId && !(await findAssignablePerson(db, scope.taskForceId, userId))) throw new DomainError("INVALID", "unknownPerson", {}, "ownerUserId");
}

export function addRequirement(scope: TaskForceScope, input: AddRequirementInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const grant = await loadGrant(tx, scope, input.grantId);
    await assertOwner(tx, scope, input.ownerOrganizationId, null);
    const values = { title: input.title, description: input.description, ownerOrganizationId: input.ownerOrganizationId, dueOn: input.dueOn };
    const row = onlyRow(await insertRequirements(tx, [
      {
        ...values,
        taskForceId: scope.taskForceId,
        grantId: grant.id,
        position: await nextRequirementPosition(tx, scope.taskForceId, grant.id),
        updatedByUserId: scope.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]), "requirement insert");
    await recordAudit(tx, auditedBy(scope), { entity: "grantRequirement", entityId: row.id, action: "create", changes: changedFields(null, { grantId: grant.id, ...values }) });
    await statusRecorder(tx, scope, grant, now).created([row.id], scope.userId);
    return { id: row.id };
  });
}

const REQUIREMENT_FIELDS = ["title", "description", "status", "ownerOrganizationId", "ownerUserId", "dueOn"] as const;

export function updateRequirement(scope: TaskForceScope, input: UpdateRequirementInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const requirement = await loadRequirement(tx, scope, input.requirementId, "update");
    if (requirement.version !== input.version) throw new DomainError("CONFLICT", "requirementChangedByOther");
    const after: Partial<Pick<UpdateRequirementInput, (typeof REQUIREMENT_FIELDS)[number]>> = {};
    for (const field of REQUIREMENT_FIELDS) if (input[field] !== undefined && input[field] !== requirement[field]) Object.assign(after, { [field]: input[field] });
    if (Object.keys(after).length === 0) return { version: requirement.version };
    await assertOwner(tx, scope, input.ownerOrganizationId, input.ownerUserId);
    const recorder = after.status !== undefined ? statusRecorder(tx, scope, await loadGrant(tx, scope, requirement.grantId), now) : null;
    await recorder?.catchUp({ requirementIds: [requirement.id] });
    const version = await updateRequirementRow(tx, scope.taskForceId, requirement.id, input.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw new DomainError("CONFLICT", "requirementChangedByOther");
    // Recorded when the status shown moves: a computed requirement shows its calculation, not the status set by hand.
    await recorder?.changed([requirement.id], { source: "manual", who: scope.userId, reason: null });
    await recordAudit(tx, auditedBy(scope), { entity: "grantRequirement", entityId: requirement.id, action: "update", changes: changedFields<Record<string, unknown>>(requirement, after) });
    return { version };
  });
}

/** Overrides a computed status with a reason, or clears the override (status null). Audited with the reason. */
export function overrideRequirement(scope: TaskForceScope, input: OverrideRequirementInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const requirement = await loadRequirement(tx, scope, input.requirementId, "update");
    if (requirement.version !== input.version) throw new DomainError("CONFLICT", "requirementChangedByOther");
    if (!requirement.computedKey) throw new DomainError("INVALID", "requirementNotComputed", {}, "status");
    const after = { overrideStatus: input.status, overrideReason: input.status === null ? null : input.reason };
    const recorder = statusRecorder(tx, scope, await loadGrant(tx, scope, requirement.grantId), now);
    await recorder.catchUp({ requirementIds: [requirement.id] });
    const version = await updateRequirementRow(tx, scope.taskForceId, requirement.id, input.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw new DomainError("CONFLICT", "requirementChangedByOther");
    // Set or cleared, an override is recorded with who and why even when the status shown stays the same.
    await recorder.changed([requirement.id], { source: "override", who: scope.userId, reason: after.overrideReason, always: true });
    await recordAudit(tx, auditedBy(scope), {
      entity: "grantRequirement",
      entityId: requirement.id,
      action: input.status === null ? "clearOverride" : "override",
      changes: changedFields<Record<string, unknown>>(requirement, after),
    });
    return { version };
  });
}
