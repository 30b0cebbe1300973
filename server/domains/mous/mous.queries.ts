import { byId, insertOne, scoped } from "@/db/rows";
import { and, asc, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, mouParties, mous, mouSignatories, organizations, users } from "@/db/schema";

type MouInsert = typeof mous.$inferInsert;

const mouColumns = {
  id: mous.id,
  title: mous.title,
  status: mous.status,
  signedOn: mous.signedOn,
  effectiveOn: mous.effectiveOn,
  expiresOn: mous.expiresOn,
  notes: mous.notes,
  sharedWithFunders: mous.sharedWithFunders,
  ownerUserId: mous.ownerUserId,
  ownerName: users.name,
  documentId: mous.documentId,
  updatedAt: mous.updatedAt,
};

function mousWithOwner(db: Database) {
  return db.select(mouColumns).from(mous).leftJoin(users, eq(users.id, mous.ownerUserId));
}

export type MouRow = Awaited<ReturnType<typeof listMous>>[number];

/** The task force's MOUs, soonest expiry first; `sharedOnly` keeps those shared with funders. */
export function listMous(db: Database, taskForceId: string, options: { sharedOnly: boolean }) {
  return mousWithOwner(db)
    .where(scoped(mous, taskForceId, options.sharedOnly ? eq(mous.sharedWithFunders, true) : undefined))
    .orderBy(asc(mous.expiresOn), asc(mous.title));
}

export function findMou(db: Database, taskForceId: string, mouId: string, lock?: "update") {
  return byId(db, mous, { taskForceId, id: mouId }, (where) => mousWithOwner(db).where(where), lock);
}

/** Parties of the given MOUs, in one query (no query per MOU). */
export function listPartiesOf(db: Database, taskForceId: string, mouIds: string[]) {
  if (mouIds.length === 0) return Promise.resolve([]);
  return db
    .select({ mouId: mouParties.mouId, organizationId: organizations.id, name: organizations.name })
    .from(mouParties)
    .innerJoin(organizations, and(eq(organizations.taskForceId, mouParties.taskForceId), eq(organizations.id, mouParties.organizationId)))
    .where(scoped(mouParties, taskForceId, inArray(mouParties.mouId, mouIds)))
    .orderBy(asc(organizations.name));
}

export function listSignatoriesOf(db: Database, taskForceId: string, mouIds: string[]) {
  if (mouIds.length === 0) return Promise.resolve([]);
  return db
    .select({ mouId: mouSignatories.mouId, userId: users.id, name: users.name, signingTitle: mouSignatories.signingTitle })
    .from(mouSignatories)
    .innerJoin(users, eq(users.id, mouSignatories.userId))
    .where(scoped(mouSignatories, taskForceId, inArray(mouSignatories.mouId, mouIds)))
    .orderBy(asc(users.name));
}

/** MOUs the organization is a party to. */
export function listMousOfOrganization(db: Database, taskForceId: string, organizationId: string, options: { sharedOnly: boolean }) {
  return db
    .select({ id: mous.id, title: mous.title, status: mous.status, expiresOn: mous.expiresOn })
    .from(mous)
    .innerJoin(mouParties, and(eq(mouParties.taskForceId, mous.taskForceId), eq(mouParties.mouId, mous.id)))
    .where(
      scoped(mous, taskForceId, eq(mouParties.organizationId, organizationId), options.sharedOnly ? eq(mous.sharedWithFunders, true) : undefined),
    )
    .orderBy(asc(mous.expiresOn));
}

export async function insertMou(db: Database, values: MouInsert) {
  return insertOne(db, mous, values, { id: mous.id }, "MOU insert");
}

export async function updateMouRow(db: Database, taskForceId: string, mouId: string, values: Partial<Omit<MouInsert, "id" | "taskForceId">>) {
  await db.update(mous).set(values).where(scoped(mous, taskForceId, eq(mous.id, mouId)));
}

/** Replaces the parties and signatories of an MOU with the given lists. */
export async function replaceMouPeople(
  db: Database,
  taskForceId: string,
  mouId: string,
  partyOrganizationIds: string[],
  signatories: { userId: string; signingTitle: string }[],
) {
  await db.delete(mouParties).where(scoped(mouParties, taskForceId, eq(mouParties.mouId, mouId)));
  await db.delete(mouSignatories).where(scoped(mouSignatories, taskForceId, eq(mouSignatories.mouId, mouId)));
  await db.insert(mouParties).values(partyOrganizationIds.map((organizationId) => ({ taskForceId, mouId, organizationId })));
  if (signatories.length) await db.insert(mouSignatories).values(signatories.map((one) => ({ ...one, taskForceId, mouId })));
}

/** Points the MOU at a new document; returns the one it pointed at before (to remove), or undefined when no such MOU. */
export async function setMouDocument(db: Database, taskForceId: string, mouId: string, documentId: string) {
  const [before] = await db
    .select({ documentId: mous.documentId })
    .from(mous)
    .where(scoped(mous, taskForceId, eq(mous.id, mouId)))
    .for("update");
  if (!before) return undefined;
  await db.update(mous).set({ documentId, updatedAt: new Date() }).where(scoped(mous, taskForceId, eq(mous.id, mouId)));
  return before.documentId;
}

/** Whether the document belongs to an MOU the caller may see. */
export async function mouHasDocument(db: Database, taskForceId: string, documentId: string, sharedOnly: boolean) {
  const [row] = await db
    .select({ id: mous.id })
    .from(mous)
    .where(scoped(mous, taskForceId, eq(mous.documentId, documentId), sharedOnly ? eq(mous.sharedWithFunders, true) : undefined))
    .limit(1);
  return Boolean(row);
}

/* ---------- renewals (reminders and the dashboard) ---------- */

/** Signed MOUs expiring on or before `until` (expired ones included). */
export function listSignedMousExpiringBy(db: Database, taskForceId: string, until: string, options: { sharedOnly: boolean } = { sharedOnly: false }) {
  return db
    .select({ id: mous.id, title: mous.title, expiresOn: mous.expiresOn, ownerUserId: mous.ownerUserId })
    .from(mous)
    .where(
      scoped(
        mous,
        taskForceId,
        eq(mous.status, "signed"),
        isNotNull(mous.expiresOn),
        lte(mous.expiresOn, until),
        options.sharedOnly ? eq(mous.sharedWithFunders, true) : undefined,
      ),
    )
    .orderBy(asc(mous.expiresOn));
}

/** Active coordinators, and the given owners when they are still active members: who hears about renewals. */
export function listRenewalRecipients(db: Database, taskForceId: string, ownerUserIds: string[]) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      scoped(
        memberships,
        taskForceId,
        isNull(memberships.endedAt),
        ownerUserIds.length ? or(eq(memberships.role, "coordinator"), inArray(memberships.userId, ownerUserIds)) : eq(memberships.role, "coordinator"),
      ),
    );
}

/* ---------- handoff ---------- */

export function listSignatoryRolesOf(db: Database, taskForceId: string, userId: string) {
  return db
    .select({ mouId: mous.id, title: mous.title, signingTitle: mouSignatories.signingTitle })
    .from(mouSignatories)
    .innerJoin(mous, and(eq(mous.taskForceId, mouSignatories.taskForceId), eq(mous.id, mouSignatories.mouId)))
    .where(scoped(mouSignatories, taskForceId, eq(mouSignatories.userId, userId)))
    .orderBy(asc(mous.title));
}

/** Moves signatory roles from one person to another; where both already sign an MOU, the leaver's row goes. */
export async function moveSignatoryRoles(db: Database, taskForceId: string, fromUserId: string, toUserId: string) {
  const already = await db
    .select({ mouId: mouSignatories.mouId })
    .from(mouSignatories)
    .where(scoped(mouSignatories, taskForceId, eq(mouSignatories.userId, toUserId)));
  const both = already.map((row) => row.mouId);
  if (both.length) {
    await db
      .delete(mouSignatories)
      .where(scoped(mouSignatories, taskForceId, eq(mouSignatories.userId, fromUserId), inArray(mouSignatories.mouId, both)));
  }
  return db
    .update(mouSignatories)
    .set({ userId: toUserId })
    .where(scoped(mouSignatories, taskForceId, eq(mouSignatories.userId, fromUserId)))
    .returning({ mouId: mouSignatories.mouId });
}
