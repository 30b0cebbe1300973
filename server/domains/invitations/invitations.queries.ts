import { insertOne, scoped } from "@/db/rows";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations, organizations, taskForces } from "@/db/schema";
import type { TaskForceRole } from "@/server/auth/permissions";
import { organizationOf } from "@/server/domains/organizations";

/** Not yet accepted, revoked or expired. */
const isPending = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function insertInvitation(
  db: Database,
  values: {
    taskForceId: string;
    email: string;
    role: TaskForceRole;
    organizationId: string | null;
    tokenHash: string;
    invitedByUserId: string | null;
    expiresAt: Date;
    locale: string | null;
  },
) {
  return insertOne(db, invitations, values, { id: invitations.id }, "invitation insert");
}

/** A new invitation replaces any still-pending one for the same address, so only one link works. */
export async function revokePendingInvitationsFor(db: Database, taskForceId: string, email: string, now: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      scoped(
        invitations,
        taskForceId,
        eq(sql`lower(${invitations.email})`, email.toLowerCase()),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export function listPendingInvitations(db: Database, taskForceId: string, now: Date) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organizationName: organizations.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(organizations, organizationOf(invitations))
    .where(
      scoped(invitations, taskForceId, isPending(now)),
    )
    .orderBy(asc(invitations.email));
}

/** Revokes a pending invitation; returns false when there was none to revoke. */
export async function revokeInvitationRow(db: Database, taskForceId: string, invitationId: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      scoped(invitations, taskForceId, eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      taskForceId: invitations.taskForceId,
      taskForceSlug: taskForces.slug,
      taskForceName: taskForces.name,
      email: invitations.email,
      role: invitations.role,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      locale: invitations.locale,
    })
    .from(invitations)
    .innerJoin(taskForces, eq(taskForces.id, invitations.taskForceId))
    .leftJoin(organizations, organizationOf(invitations))
    .where(eq(invitations.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Marks the invitation used, only if it is still pending and unexpired. Done as one conditional
 * UPDATE so that two simultaneous acceptances of one link cannot both succeed.
 */
export async function claimInvitation(db: Database, invitationId: string, userId: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedByUserId: userId })
    .where(
      and(
        eq(invitations.id, invitationId),
        isPending(now),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Withdraws the still-pending invitations a person sent in one task force (when they stop being its coordinator). */
export async function revokePendingInvitationsBy(db: Database, taskForceId: string, invitedByUserId: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      scoped(
        invitations,
        taskForceId,
        eq(invitations.invitedByUserId, invitedByUserId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.map((row) => row.id);
}
