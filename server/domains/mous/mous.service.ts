import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { addDays } from "@/server/lib/dates";
import { findActiveMember, findAssignablePerson } from "@/server/domains/people";
import { assertOrganizationInTaskForce } from "@/server/domains/organizations/organizations.service";
import { daysUntil, expiryState, RENEWAL_THRESHOLDS } from "./mous.rules";
import { findMou, insertMou, listMous, listPartiesOf, listSignatoriesOf, listSignedMousExpiringBy, replaceMouPeople, updateMouRow } from "./mous.queries";
import type { CreateMouInput, MouInput, UpdateMouInput } from "./mous.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * MOUs between member organizations. Coordinators manage them; members and viewers read all;
 * funders read those shared with them (memberRecords.readUnshared decides, here in the service).
 */

const sharedOnly = (scope: TaskForceScope) => !can(scope.role, "memberRecords.readUnshared");

/**
 * An MOU as a reader without memberRecords.readUnshared (a funder) may see it: the shared record,
 * its parties and signatories (named on the signed document), but not the task force's internal
 * notes or the staff member who looks after it.
 */
function forReader<T extends { notes: string; ownerUserId: string | null; ownerName: string | null }>(scope: TaskForceScope, row: T): T {
  return sharedOnly(scope) ? { ...row, notes: "", ownerUserId: null, ownerName: null } : row;
}

async function withPeople<T extends { id: string }>(db: Database, taskForceId: string, rows: T[]) {
  const ids = rows.map((row) => row.id);
  const [parties, signatories] = await Promise.all([listPartiesOf(db, taskForceId, ids), listSignatoriesOf(db, taskForceId, ids)]);
  return rows.map((row) => ({
    ...row,
    parties: parties.filter((party) => party.mouId === row.id).map(({ organizationId, name }) => ({ organizationId, name })),
    signatories: signatories.filter((one) => one.mouId === row.id).map(({ userId, name, signingTitle }) => ({ userId, name, signingTitle })),
  }));
}

export async function listMousOf(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const rows = await withPeople(db, scope.taskForceId, await listMous(db, scope.taskForceId, { sharedOnly: sharedOnly(scope) }));
  return {
    today,
    mous: rows.map((row) => ({ ...forReader(scope, row), expiryState: expiryState(row.status, row.expiresOn, today) })),
    canManage: can(scope.role, "mou.manage"),
  };
}

export async function getMou(scope: TaskForceScope, input: MouInput, now = currentTime()) {
  const db = await getDb();
  const mou = await findMou(db, scope.taskForceId, input.mouId);
  if (!mou || (sharedOnly(scope) && !mou.sharedWithFunders)) throw new DomainError("NOT_FOUND", "mouNotFound");
  const today = todayOfScope(scope, now);
  const [withNames] = await withPeople(db, scope.taskForceId, [mou]);
  if (!withNames) throw new DomainError("NOT_FOUND", "mouNotFound");
  return { mou: { ...forReader(scope, withNames), expiryState: expiryState(mou.status, mou.expiresOn, today) }, today };
}

/** MOUs expiring within 90 days or expired, for the dashboard; funders see the shared ones. */
export async function listMouRenewals(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const rows = await listSignedMousExpiringBy(db, scope.taskForceId, addDays(today, RENEWAL_THRESHOLDS[0]), { sharedOnly: sharedOnly(scope) });
  return {
    today,
    renewals: rows.map((row) => ({ id: row.id, title: row.title, expiresOn: row.expiresOn ?? today, daysLeft: daysUntil(row.expiresOn ?? today, today) })),
  };
}

/** Parties must be organizations of this task force; signatories and the owner active members of it. */
async function checkPeople(tx: Database, scope: TaskForceScope, input: CreateMouInput) {
  const parties = [...new Set(input.partyOrganizationIds)];
  for (const organizationId of parties) await assertOrganizationInTaskForce(tx, scope, organizationId, "partyOrganizationIds");
  const seen = new Set<string>();
  const signatories: { userId: string; signingTitle: string }[] = [];
  for (const signatory of input.signatories) {
    if (seen.has(signatory.userId)) continue;
    seen.add(signatory.userId);
    if (!(await findActiveMember(tx, scope.taskForceId, signatory.userId))) throw new DomainError("INVALID", "signatoryNotMember", {}, "signatories");
    signatories.push({ userId: signatory.userId, signingTitle: signatory.signingTitle });
  }
  if (input.ownerUserId && !(await findAssignablePerson(tx, scope.taskForceId, input.ownerUserId))) {
    throw new DomainError("INVALID", "unknownPerson", {}, "ownerUserId");
  }
  return { parties, signatories };
}

function recordValues(input: CreateMouInput) {
  const { title, status, signedOn, effectiveOn, expiresOn, notes, sharedWithFunders, ownerUserId } = input;
  return { title, status, signedOn, effectiveOn, expiresOn, notes, sharedWithFunders, ownerUserId };
}

export function createMou(scope: TaskForceScope, input: CreateMouInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { parties, signatories } = await checkPeople(tx, scope, input);
    const values = recordValues(input);
    const { id } = await insertMou(tx, { ...values, taskForceId: scope.taskForceId, createdByUserId: scope.userId, createdAt: now, updatedAt: now });
    await replaceMouPeople(tx, scope.taskForceId, id, parties, signatories);
    await recordAudit(tx, auditedBy(scope), {
      entity: "mou",
      entityId: id,
      action: "create",
      changes: { ...changedFields(null, values), parties: { from: null, to: parties }, signatories: { from: null, to: signatories.map((one) => one.userId) } },
    });
    return { id };
  });
}

export function updateMou(scope: TaskForceScope, input: UpdateMouInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const before = await findMou(tx, scope.taskForceId, input.mouId, "update");
    if (!before) throw new DomainError("NOT_FOUND", "mouNotFound");
    const { parties, signatories } = await checkPeople(tx, scope, input);
    const [beforePeople] = await withPeople(tx, scope.taskForceId, [before]);
    const values = recordValues(input);
    await updateMouRow(tx, scope.taskForceId, before.id, { ...values, updatedAt: now });
    await replaceMouPeople(tx, scope.taskForceId, before.id, parties, signatories);
    await recordAudit(tx, auditedBy(scope), {
      entity: "mou",
      entityId: before.id,
      action: "update",
      changes: changedFields<Record<string, unknown>>(
        { ...before, parties: beforePeople?.parties.map((one) => one.organizationId).sort(), signatories: beforePeople?.signatories.map((one) => one.userId).sort() },
        { ...values, parties: [...parties].sort(), signatories: signatories.map((one) => one.userId).sort() },
      ),
    });
  });
}
