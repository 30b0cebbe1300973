import { createHash, randomBytes } from "node:crypto";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DEFAULT_LOCALE, serverTranslator, type Locale } from "@/server/lib/translate";
import { hashPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findUserIdByEmail, insertUser } from "@/server/domains/account";
import { assertOrganizationInTaskForce } from "@/server/domains/organizations/organizations.service";
import { findActiveMembershipOfUser, insertMembership } from "@/server/domains/people";
import {
  claimInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listPendingInvitations,
  revokeInvitationRow,
  revokePendingInvitationsFor,
} from "./invitations.queries";
import type {
  AcceptWithNewAccountInput,
  CreateInvitationInput,
  CreateInvitationsInput,
  InvitationTokenInput,
  RevokeInvitationInput,
} from "./invitations.schemas";
import { currentTime } from "@/server/lib/clock";
import { EmailAddress } from "@/server/lib/schemas";
import { attemptSucceeded, claimAttempts } from "@/server/domains/auth/attempts";

export const INVITATION_TTL_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const invitationLink = (baseUrl: string, token: string) => `${baseUrl}/invite/${token}`;

/** Who is inviting into which task force: a coordinator's scope, or an administrator for a new task force. */
/** Who invites, to which task force (its name goes into the email; the caller has it at hand). */
export interface Inviter {
  taskForceId: string;
  taskForceName: string;
  userId: string;
}

export interface CreatedInvitation {
  invitationId: string;
  email: string;
  expiresAt: Date;
  /** Sent by email when SMTP is configured and sending worked; otherwise shown to the inviter to pass on. */
  emailed: boolean;
  link: string | null;
}

/** An invitation written to the database but not yet delivered; the token exists only in memory. */
export interface WrittenInvitation {
  invitationId: string;
  email: string;
  expiresAt: Date;
  taskForceName: string;
  token: string;
  locale: Locale;
}

/**
 * Writes an invitation and its audit entry in the caller's transaction, so that a task force and
 * its first coordinator's invitation are created together or not at all.
 */
export async function writeInvitation(
  tx: Database,
  inviter: Inviter,
  input: CreateInvitationInput,
  now = currentTime(),
): Promise<WrittenInvitation> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const organizationId = input.organizationId ?? null;
  if (organizationId) await assertOrganizationInTaskForce(tx, inviter, organizationId, "organizationId");
  const existingUserId = await findUserIdByEmail(tx, input.email);
  if (existingUserId && (await findActiveMembershipOfUser(tx, inviter.taskForceId, existingUserId))) {
    throw new DomainError("CONFLICT", "alreadyMember", { email: input.email }, "email");
  }
  await revokePendingInvitationsFor(tx, inviter.taskForceId, input.email, now);
  const { id } = await insertInvitation(tx, {
    taskForceId: inviter.taskForceId,
    email: input.email,
    role: input.role,
    organizationId,
    tokenHash: hashToken(token),
    invitedByUserId: inviter.userId,
    expiresAt,
    locale: input.locale ?? null,
  });
  await recordAudit(
    tx,
    { taskForceId: inviter.taskForceId, actorUserId: inviter.userId },
    {
      entity: "invitation",
      entityId: id,
      action: "create",
      changes: { email: { from: null, to: input.email }, role: { from: null, to: input.role } },
    },
  );
  return { invitationId: id, email: input.email, expiresAt, taskForceName: inviter.taskForceName, token, locale: input.locale ?? DEFAULT_LOCALE };
}

/**
 * Emails the link after the invitation is committed; without email (or when sending fails) the
 * inviter gets the link. `baseUrl` is where the inviter reaches the app (server/lib/publicUrl.ts).
 */
export async function deliverInvitation(written: WrittenInvitation, baseUrl: string): Promise<CreatedInvitation> {
  const link = invitationLink(baseUrl, written.token);
  const emailed = isEmailConfigured() && (await trySendInvitation(written, link));
  return { invitationId: written.invitationId, email: written.email, expiresAt: written.expiresAt, emailed, link: emailed ? null : link };
}

export async function createInvitation(inviter: Inviter, input: CreateInvitationInput, baseUrl: string, now = currentTime()): Promise<CreatedInvitation> {
  const written = await inTransaction((tx) => writeInvitation(tx, inviter, input, now));
  return deliverInvitation(written, baseUrl);
}

/** The most invitations one paste may send at once. */
export const MAX_INVITATIONS_AT_ONCE = 100;

/** The addresses of a pasted list, lower-cased and each once, and those that are not addresses. */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
  const entries = [...new Set(text.split(/[\s,;]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean))];
  const invalid = entries.filter((entry) => !EmailAddress.safeParse(entry).success);
  return { emails: entries.filter((entry) => !invalid.includes(entry)), invalid };
}

/**
 * Invites every address of a pasted list with one role and organization: all of them or, when one
 * address is malformed or already a member's, none (the refusal names them, and the list stays as typed).
 */
export async function createInvitations(
  inviter: Inviter,
  input: CreateInvitationsInput,
  baseUrl: string,
  now = currentTime(),
): Promise<{ invitations: CreatedInvitation[] }> {
  const { emails, invalid } = parseEmailList(input.emails);
  if (invalid.length > 0) throw new DomainError("INVALID", "invitationEmailsInvalid", { emails: invalid.join(", ") }, "emails");
  if (emails.length > MAX_INVITATIONS_AT_ONCE) throw new DomainError("INVALID", "tooManyInvitations", { max: MAX_INVITATIONS_AT_ONCE }, "emails");
  const written = await inTransaction(async (tx) => {
    const all: WrittenInvitation[] = [];
    for (const email of emails) all.push(await writeInvitation(tx, inviter, { email, role: input.role, organizationId: input.organizationId, locale: input.locale }, now));
    return all;
  }).catch((error: unknown) => {
    // One address of the list is a member already: said next to the list, which is the field here.
    if (error instanceof DomainError && error.field === "email") throw new DomainError(error.code, error.messageKey, error.values, "emails");
    throw error;
  });
  const invitations: CreatedInvitation[] = [];
  // One after the other: a mail server is kinder to a coordinator's list sent in sequence.
  for (const one of written) invitations.push(await deliverInvitation(one, baseUrl));
  return { invitations };
}

async function trySendInvitation({ email, taskForceName, locale }: WrittenInvitation, link: string): Promise<boolean> {
  const t = serverTranslator("email.invitation", locale);
  try {
    await sendMail({
      to: email,
      subject: t("subject", { taskForce: taskForceName }),
      text: t("body", { taskForce: taskForceName, link, days: INVITATION_TTL_DAYS }),
    });
    return true;
  } catch (error) {
    // The invitation stands; the coordinator gets the link to pass on instead.
    console.error("Sending the invitation email failed:", error instanceof Error ? error.message : error);
    return false;
  }
}

export async function listInvitations(scope: TaskForceScope, now = currentTime()) {
  return listPendingInvitations(await getDb(), scope.taskForceId, now);
}

export function revokeInvitation(scope: TaskForceScope, input: RevokeInvitationInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    if (!(await revokeInvitationRow(tx, scope.taskForceId, input.invitationId, now))) {
      throw new DomainError("NOT_FOUND", "invitationNotFound");
    }
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "invitation", entityId: input.invitationId, action: "revoke" },
    );
  });
}

export type InvitationStatus = "valid" | "expired" | "used" | "revoked";

function statusOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

/**
 * What the invitation page shows to whoever holds the link. An unknown token is reported as not
 * found; details are given only for a link that still works.
 */
export async function lookupInvitation(input: InvitationTokenInput, now = currentTime()) {
  const db = await getDb();
  const invitation = await findInvitationByTokenHash(db, hashToken(input.token));
  if (!invitation) throw new DomainError("NOT_FOUND", "invitationNotFound");
  const status = statusOf(invitation, now);
  if (status !== "valid") return { status } as const;
  return {
    status,
    taskForceName: invitation.taskForceName,
    taskForceSlug: invitation.taskForceSlug,
    email: invitation.email,
    role: invitation.role,
    organizationName: invitation.organizationName,
    expiresAt: invitation.expiresAt,
    hasAccount: (await findUserIdByEmail(db, invitation.email)) !== null,
  } as const;
}

/** Loads a usable invitation or explains, with the right code, why it cannot be used. */
async function loadUsableInvitation(tx: Database, token: string, now: Date) {
  const invitation = await findInvitationByTokenHash(tx, hashToken(token));
  if (!invitation) throw new DomainError("NOT_FOUND", "invitationNotFound");
  const status = statusOf(invitation, now);
  if (status !== "valid") throw new DomainError("GONE", `invitation_${status}`);
  return invitation;
}

async function joinTaskForce(
  tx: Database,
  invitation: Awaited<ReturnType<typeof loadUsableInvitation>>,
  userId: string,
  now: Date,
) {
  if (await findActiveMembershipOfUser(tx, invitation.taskForceId, userId)) {
    throw new DomainError("CONFLICT", "alreadyMember", { email: invitation.email });
  }
  if (!(await claimInvitation(tx, invitation.id, userId, now))) throw new DomainError("GONE", "invitation_used");
  const membership = await insertMembership(tx, {
    taskForceId: invitation.taskForceId,
    userId,
    role: invitation.role,
    organizationId: invitation.organizationId,
  });
  await recordAudit(
    tx,
    { taskForceId: invitation.taskForceId, actorUserId: userId },
    {
      entity: "membership",
      entityId: membership.id,
      action: "create",
      changes: { role: { from: null, to: invitation.role }, invitationId: { from: null, to: invitation.id } },
    },
  );
  return { taskForceSlug: invitation.taskForceSlug };
}

/** A signed-in person accepts an invitation addressed to their own email. */
export function acceptInvitation(user: SessionUser, input: InvitationTokenInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, input.token, now);
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new DomainError("FORBIDDEN", "invitationForAnotherEmail", { email: invitation.email });
    }
    return joinTaskForce(tx, invitation, user.id, now);
  });
}

/**
 * Someone without an account accepts: the account is created for the invited email, then the
 * membership. A guarded attempt per link and client address (see auth/attempts.ts), like signing in.
 * The token (and that the email has no account yet) is checked before the password is hashed:
 * argon2 is deliberately expensive, and anyone can call this without signing in, so a made-up, used
 * or expired token must cost a database look-up, never a hash. It is checked again in the
 * transaction, since the invitation may be used or revoked while the hash is computed.
 */
export async function acceptInvitationWithNewAccount(input: AcceptWithNewAccountInput, clientAddress: string | null = null, now = currentTime()) {
  const db = await getDb();
  const claimed = await claimAttempts(db, "invitation", hashToken(input.token), clientAddress, now);
  const checked = await loadUsableInvitation(db, input.token, now);
  if (await findUserIdByEmail(db, checked.email)) throw new DomainError("CONFLICT", "accountExistsSignIn", { email: checked.email });
  const passwordHash = await hashPassword(input.password);
  const joined = await inTransaction(async (tx) => {
    const invitation = await loadUsableInvitation(tx, input.token, now);
    const user = await insertUser(tx, { email: invitation.email, name: input.name, passwordHash, locale: invitation.locale });
    if (!user) throw new DomainError("CONFLICT", "accountExistsSignIn", { email: invitation.email });
    const joined = await joinTaskForce(tx, invitation, user.id, now);
    return { ...joined, email: user.email };
  });
  await attemptSucceeded(db, claimed, now);
  return joined;
}
