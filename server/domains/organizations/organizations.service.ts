import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { memberBalance } from "./balance.rules";
import {
  deleteContact,
  findOrganization,
  findOrganizationProfile,
  findOrganizationWithRole,
  insertContact,
  insertOrganization,
  insertStatusHistory,
  listContacts,
  listOrganizations,
  listPeopleOfOrganization,
  listStatusHistory,
  updateOrganizationRow,
} from "./organizations.queries";
import type {
  AddContactInput,
  ChangeOrganizationStatusInput,
  CreateOrganizationInput,
  OrganizationInput,
  RemoveContactInput,
  UpdateOrganizationProfileInput,
} from "./organizations.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * Member organizations. Coordinators (organization.manage) manage every organization; a member
 * (organization.update) edits the profile and contacts of their own organization only, which is
 * decided here because it depends on the record. Contacts are staff details: funders never get them.
 */


export async function listTaskForceOrganizations(scope: Pick<TaskForceScope, "taskForceId">) {
  return listOrganizations(await getDb(), scope.taskForceId);
}

/** Refuses an organization id of another task force (or none), naming the form field at fault. */
export async function assertOrganizationInTaskForce(
  tx: Database,
  scope: Pick<TaskForceScope, "taskForceId">,
  organizationId: string,
  field: string,
) {
  const organization = await findOrganization(tx, scope.taskForceId, organizationId);
  if (!organization) throw new DomainError("INVALID", "unknownOrganization", {}, field);
  return organization;
}

export function mayEditOrganization(scope: TaskForceScope, organizationId: string): boolean {
  if (can(scope.role, "organization.manage")) return true;
  return can(scope.role, "organization.update") && scope.organizationId === organizationId;
}

function assertMayEdit(scope: TaskForceScope, organizationId: string) {
  if (!mayEditOrganization(scope, organizationId)) throw new DomainError("FORBIDDEN", "organizationNotOwn");
}

async function loadProfile(db: Database, scope: TaskForceScope, organizationId: string, lock?: "update") {
  const organization = await findOrganizationProfile(db, scope.taskForceId, organizationId, lock);
  if (!organization) throw new DomainError("NOT_FOUND", "organizationNotFound");
  return organization;
}

export function createOrganization(scope: TaskForceScope, input: CreateOrganizationInput, now = currentTime()) {
  return inTransaction((tx) => writeNewOrganization(tx, scope, input, now));
}

/** Adds an organization, active from today, with its audit entry, in the caller's transaction (a form, or a whole import). */
export async function writeNewOrganization(tx: Database, scope: TaskForceScope, input: CreateOrganizationInput, now = currentTime()) {
  // Named fields, not `...input`: the procedure's input also carries `taskForceSlug`.
  const organization = await insertOrganization(tx, {
    taskForceId: scope.taskForceId,
    name: input.name,
    primaryDiscipline: input.primaryDiscipline,
  });
  if (!organization) throw new DomainError("CONFLICT", "organizationNameTaken", { name: input.name }, "name");
  await insertStatusHistory(tx, {
    taskForceId: scope.taskForceId,
    organizationId: organization.id,
    status: "active",
    effectiveOn: todayOfScope(scope, now),
    recordedByUserId: scope.userId,
    recordedAt: now,
  });
  await recordAudit(tx, auditedBy(scope), {
    entity: "organization",
    entityId: organization.id,
    action: "create",
    changes: { name: { from: null, to: input.name }, primaryDiscipline: { from: null, to: input.primaryDiscipline } },
  });
  return organization;
}

/** Members by discipline and jurisdiction level, and the core disciplines nobody covers: aggregates, for every role. */
export async function getMemberBalance(scope: TaskForceScope) {
  return memberBalance(await listOrganizations(await getDb(), scope.taskForceId));
}

export async function getOrganizationProfile(scope: TaskForceScope, input: OrganizationInput) {
  const db = await getDb();
  const organization = await loadProfile(db, scope, input.organizationId);
  const readsContacts = can(scope.role, "organization.readContacts");
  const [history, contacts, people] = await Promise.all([
    listStatusHistory(db, scope.taskForceId, organization.id),
    readsContacts ? listContacts(db, scope.taskForceId, organization.id) : Promise.resolve(null),
    can(scope.role, "membership.read") ? listPeopleOfOrganization(db, scope.taskForceId, organization.id) : Promise.resolve(null),
  ]);
  return {
    /** address is null for callers who may not read street addresses (viewers, funders). */
    organization: { ...organization, address: can(scope.role, "organization.readAddress") ? organization.address : null },
    history,
    /** null when the caller may not see staff contacts (funders). */
    contacts,
    people,
    canEdit: mayEditOrganization(scope, organization.id),
    canManage: can(scope.role, "organization.manage"),
  };
}

const PROFILE_FIELDS = ["primaryDiscipline", "additionalDisciplines", "jurisdictionLevel", "address", "region", "website"] as const;

export function updateOrganizationProfile(scope: TaskForceScope, input: UpdateOrganizationProfileInput) {
  return inTransaction((tx) => writeOrganizationProfile(tx, scope, input));
}

/** Saves an organization's profile, with its audit entry, in the caller's transaction (a form, or a whole import). */
export async function writeOrganizationProfile(tx: Database, scope: TaskForceScope, input: UpdateOrganizationProfileInput) {
  assertMayEdit(scope, input.organizationId);
  const before = await loadProfile(tx, scope, input.organizationId, "update");
  const manages = can(scope.role, "organization.manage");
  if (input.taskForceRole !== undefined && input.taskForceRole !== before.taskForceRole && !manages) {
    throw new DomainError("FORBIDDEN", "organizationRoleNotAllowed", {}, "taskForceRole");
  }
  const after: Partial<Record<(typeof PROFILE_FIELDS)[number] | "taskForceRole", unknown>> = {};
  for (const field of PROFILE_FIELDS) after[field] = input[field];
  // The primary discipline is not repeated among the additional ones; duplicates are dropped.
  after.additionalDisciplines = [...new Set(input.additionalDisciplines)].filter((discipline) => discipline !== input.primaryDiscipline);
  if (manages && input.taskForceRole !== undefined) {
    after.taskForceRole = input.taskForceRole;
    if (input.taskForceRole === "lead_law_enforcement" || input.taskForceRole === "lead_victim_services") {
      const holder = await findOrganizationWithRole(tx, scope.taskForceId, input.taskForceRole);
      if (holder && holder.id !== before.id) {
        throw new DomainError("CONFLICT", "leadRoleTaken", { name: holder.name }, "taskForceRole");
      }
    }
  }
  const changes = changedFields<Record<string, unknown>>(before, after);
  if (Object.keys(changes).length === 0) return { changed: false };
  await updateOrganizationRow(tx, scope.taskForceId, before.id, after as Parameters<typeof updateOrganizationRow>[3]);
  await recordAudit(tx, auditedBy(scope), { entity: "organization", entityId: before.id, action: "update", changes });
  return { changed: true };
}

/** A dated status change: the current status moves and the history keeps the step. */
export function changeOrganizationStatus(scope: TaskForceScope, input: ChangeOrganizationStatusInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const before = await loadProfile(tx, scope, input.organizationId, "update");
    await updateOrganizationRow(tx, scope.taskForceId, before.id, { membershipStatus: input.status });
    await insertStatusHistory(tx, {
      taskForceId: scope.taskForceId,
      organizationId: before.id,
      status: input.status,
      effectiveOn: input.effectiveOn,
      note: input.note,
      recordedByUserId: scope.userId,
      recordedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), {
      entity: "organization",
      entityId: before.id,
      action: "changeStatus",
      changes: {
        membershipStatus: { from: before.membershipStatus, to: input.status },
        effectiveOn: { from: null, to: input.effectiveOn },
        ...(input.note ? { note: { from: null, to: input.note } } : {}),
      },
    });
  });
}

export function addOrganizationContact(scope: TaskForceScope, input: AddContactInput) {
  return inTransaction(async (tx) => {
    assertMayEdit(scope, input.organizationId);
    await loadProfile(tx, scope, input.organizationId);
    const values = { name: input.name, title: input.title, workEmail: input.workEmail, workPhone: input.workPhone, isPrimary: input.isPrimary };
    const { id } = await insertContact(tx, { ...values, taskForceId: scope.taskForceId, organizationId: input.organizationId });
    await recordAudit(tx, auditedBy(scope), {
      entity: "organizationContact",
      entityId: id,
      action: "create",
      changes: { organizationId: { from: null, to: input.organizationId }, ...changedFields(null, values) },
    });
    return { id };
  });
}

export function removeOrganizationContact(scope: TaskForceScope, input: RemoveContactInput) {
  return inTransaction(async (tx) => {
    assertMayEdit(scope, input.organizationId);
    const removed = await deleteContact(tx, scope.taskForceId, input.organizationId, input.contactId);
    if (!removed) throw new DomainError("NOT_FOUND", "contactNotFound");
    await recordAudit(tx, auditedBy(scope), {
      entity: "organizationContact",
      entityId: removed.id,
      action: "delete",
      changes: { name: { from: removed.name, to: null } },
    });
  });
}
