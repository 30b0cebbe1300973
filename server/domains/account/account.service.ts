import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "@/server/lib/translate";
import { localeOf, serverTranslator } from "@/server/lib/translate";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { appBaseUrl } from "@/server/env";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { attemptSucceeded, claimAttempts } from "@/server/domains/auth/attempts";
import {
  claimAccountToken,
  countAdministrators,
  endSessionsOf,
  expireUnusedTokens,
  findAccountByEmail,
  findAccountById,
  findAccountTokenByHash,
  findPasswordHash,
  insertAccountEvent,
  insertAccountToken,
  insertUser,
  listAccountEvents,
  setPasswordAndEndSessions,
  setPreferredLocale,
  type AccountTokenPurpose,
} from "./account.queries";
import type {
  ChangePasswordInput,
  CompleteSetupInput,
  IssueResetLinkByEmailInput,
  IssueResetLinkInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  TokenInput,
} from "./account.schemas";

/** A link from "forgot password" works for an hour; one handed over by a coordinator or administrator for a day. */
export const RESET_LINK_MINUTES = { email: 60, issued: 24 * 60 } as const;
export const SETUP_LINK_HOURS = 24;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const resetLinkOf = (baseUrl: string, token: string) => `${baseUrl}/reset-password/${token}`;
const setupLinkOf = (token: string) => `${appBaseUrl()}/setup/${token}`;

/** Makes a token, stores only its hash, and returns the token with its expiry. */
async function writeToken(
  tx: Database,
  purpose: AccountTokenPurpose,
  userId: string | null,
  issuedByUserId: string | null,
  minutes: number,
  now: Date,
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await expireUnusedTokens(tx, purpose, userId, now);
  await insertAccountToken(tx, { purpose, userId, tokenHash: hashToken(token), issuedByUserId, expiresAt });
  return { token, expiresAt };
}

// ---------------------------------------------------------------------------------------------
// Signed in: change the password, sign out everywhere, see what happened to the account
// ---------------------------------------------------------------------------------------------

/**
 * Changes the password after checking the current one (a guarded attempt, like signing in). Every
 * session of this person ends, this one included: the form signs in again with the new password.
 */
export async function changePassword(user: SessionUser, input: ChangePasswordInput, clientAddress: string | null, now = currentTime()) {
  const db = await getDb();
  const claimed = await claimAttempts(db, "passwordChange", user.id, clientAddress, now);
  const currentHash = await findPasswordHash(db, user.id);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    throw new DomainError("INVALID", "wrongCurrentPassword", {}, "currentPassword");
  }
  await attemptSucceeded(db, claimed, now);
  const newHash = await hashPassword(input.newPassword);
  await inTransaction(async (tx) => {
    await setPasswordAndEndSessions(tx, user.id, newHash, now);
    await insertAccountEvent(tx, { userId: user.id, actorUserId: user.id, action: "passwordChanged" });
  });
}

/** Ends every session of this person on every device, this one included. */
export function signOutEverywhere(user: SessionUser, now = currentTime()) {
  return inTransaction(async (tx) => {
    await endSessionsOf(tx, [user.id], now);
    await insertAccountEvent(tx, { userId: user.id, actorUserId: user.id, action: "signedOutEverywhere" });
  });
}

/** The latest entries of the person's own security log, for the account page. */
/** Keeps the language a person chose on their account, so it follows them to every device and into what is sent to them. */
export async function choosePreferredLocale(user: SessionUser, locale: Locale) {
  await setPreferredLocale(await getDb(), user.id, locale);
}

export async function recentAccountEvents(user: SessionUser) {
  return listAccountEvents(await getDb(), user.id, 10);
}

// ---------------------------------------------------------------------------------------------
// Forgot password: a link by email
// ---------------------------------------------------------------------------------------------

/** Whether "forgot password" can send anything on this installation. */
export function resetByEmailAvailable() {
  return { available: isEmailConfigured() };
}

/**
 * Starts a reset by email. The answer is the same whether or not the address has an account, and
 * comes back before anything depends on it: the look-up, the link and the email happen in
 * `delivery`, after the response (so the time taken does not tell either). Rate-limited per
 * address and per email address, whoever asks.
 */
export async function startPasswordReset(input: RequestPasswordResetInput, clientAddress: string | null, baseUrl: string, now = currentTime()) {
  const db = await getDb();
  await claimAttempts(db, "resetRequest", input.email, clientAddress, now);
  const delivery = deliverPasswordReset(input.email, baseUrl, now).catch((error: unknown) => {
    console.error("Sending a password reset link failed:", error instanceof Error ? error.message : error);
  });
  return { delivery };
}

/**
 * `baseUrl` starts the emailed link: the request's address in development, NEXTAUTH_URL in
 * production, never a Host header a stranger could forge to receive the token (server/lib/publicUrl.ts).
 */
export async function requestPasswordReset(input: RequestPasswordResetInput, clientAddress: string | null, baseUrl: string, now = currentTime()) {
  await startPasswordReset(input, clientAddress, baseUrl, now);
  return { accepted: true as const };
}

async function deliverPasswordReset(email: string, baseUrl: string, now: Date) {
  if (!isEmailConfigured()) return;
  const account = await findAccountByEmail(await getDb(), email);
  if (!account) return;
  const { token } = await inTransaction(async (tx) => {
    const written = await writeToken(tx, "password_reset", account.id, null, RESET_LINK_MINUTES.email, now);
    await insertAccountEvent(tx, { userId: account.id, actorUserId: null, action: "resetLinkEmailed" });
    return written;
  });
  const t = serverTranslator("email.passwordReset", localeOf(account));
  await sendMail({ to: account.email, subject: t("subject"), text: t("body", { link: resetLinkOf(baseUrl, token), minutes: RESET_LINK_MINUTES.email }) });
}

// ---------------------------------------------------------------------------------------------
// A link handed over by a coordinator or an administrator
// ---------------------------------------------------------------------------------------------

/**
 * A coordinator issues a reset link for a person of their task force, to pass on themselves. Only
 * for people whose every membership is in this task force, who are not administrators and who fund
 * no program: a coordinator must not be able to take over an account that reaches further than
 * their own (a funding program's funder reaches every task force put into it, now and later).
 * `reachOf` reads the task forces a person is an active member of and whether they fund a program
 * (the people domain's memberships, which build on accounts; server/domains/people/people.service.ts
 * passes it in).
 */
export async function issueResetLinkForMember(
  scope: TaskForceScope,
  input: IssueResetLinkInput,
  reachOf: (tx: Database, userId: string) => Promise<{ memberOf: string[]; fundsAProgram: boolean }>,
  baseUrl: string,
  now = currentTime(),
) {
  return inTransaction(async (tx) => {
    const account = await findAccountById(tx, input.userId);
    const reach = account ? await reachOf(tx, account.id) : { memberOf: [], fundsAProgram: false };
    if (!account || !reach.memberOf.includes(scope.taskForceId)) throw new DomainError("NOT_FOUND", "membershipNotFound");
    if (account.id === scope.userId) throw new DomainError("FORBIDDEN", "resetOwnPassword");
    if (account.isAdmin || reach.fundsAProgram || reach.memberOf.some((id) => id !== scope.taskForceId)) {
      throw new DomainError("FORBIDDEN", "resetNeedsAdministrator", { name: account.name });
    }
    const { token, expiresAt } = await writeToken(tx, "password_reset", account.id, scope.userId, RESET_LINK_MINUTES.issued, now);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "account", entityId: account.id, action: "resetLinkIssued", changes: { expiresAt: { from: null, to: expiresAt } } },
    );
    await insertAccountEvent(tx, { userId: account.id, actorUserId: scope.userId, action: "resetLinkIssued" });
    return { email: account.email, name: account.name, link: resetLinkOf(baseUrl, token), expiresAt };
  });
}

/** An administrator issues a reset link for any account (found by email) to pass on. */
export async function issueResetLinkAsAdmin(admin: SessionUser, input: IssueResetLinkByEmailInput, baseUrl: string, now = currentTime()) {
  return inTransaction(async (tx) => {
    const account = await findAccountByEmail(tx, input.email);
    if (!account) throw new DomainError("NOT_FOUND", "accountNotFound", { email: input.email }, "email");
    if (account.id === admin.id) throw new DomainError("FORBIDDEN", "resetOwnPassword", {}, "email");
    const { token, expiresAt } = await writeToken(tx, "password_reset", account.id, admin.id, RESET_LINK_MINUTES.issued, now);
    await insertAccountEvent(tx, { userId: account.id, actorUserId: admin.id, action: "resetLinkIssued" });
    return { email: account.email, name: account.name, link: resetLinkOf(baseUrl, token), expiresAt };
  });
}

// ---------------------------------------------------------------------------------------------
// Using a reset link
// ---------------------------------------------------------------------------------------------

export type TokenStatus = "valid" | "expired" | "used";

function statusOf(token: { usedAt: Date | null; expiresAt: Date }, now: Date): TokenStatus {
  if (token.usedAt) return "used";
  return token.expiresAt <= now ? "expired" : "valid";
}

/** What the reset page shows to whoever holds the link; an unknown token is not found. */
export async function lookupResetLink(input: TokenInput, now = currentTime()) {
  const token = await findAccountTokenByHash(await getDb(), "password_reset", hashToken(input.token));
  if (!token || !token.email) throw new DomainError("NOT_FOUND", "resetLinkNotFound");
  const status = statusOf(token, now);
  return status === "valid" ? ({ status, email: token.email } as const) : ({ status } as const);
}

/**
 * Sets a new password through a reset link: the link is checked before the password is hashed,
 * works once, and every session of the person ends. Guarded like signing in, per link and address.
 */
export async function resetPassword(input: ResetPasswordInput, clientAddress: string | null, now = currentTime()) {
  const db = await getDb();
  const tokenHash = hashToken(input.token);
  const claimed = await claimAttempts(db, "resetPassword", tokenHash, clientAddress, now);
  const token = await findAccountTokenByHash(db, "password_reset", tokenHash);
  if (!token || !token.userId || !token.email) throw new DomainError("NOT_FOUND", "resetLinkNotFound");
  const status = statusOf(token, now);
  if (status !== "valid") throw new DomainError("GONE", `resetLink_${status}`);
  await attemptSucceeded(db, claimed, now);
  const passwordHash = await hashPassword(input.password);
  const userId = token.userId;
  await inTransaction(async (tx) => {
    if (!(await claimAccountToken(tx, token.id, now))) throw new DomainError("GONE", "resetLink_used");
    await setPasswordAndEndSessions(tx, userId, passwordHash, now);
    await expireUnusedTokens(tx, "password_reset", userId, now);
    await insertAccountEvent(tx, { userId, actorUserId: null, action: "passwordReset" });
  });
  return { email: token.email };
}

/** `npm run admin -- reset-password`: whoever runs the server sets a password directly. */
export async function setPasswordFromCommandLine(email: string, password: string, now = currentTime()) {
  const passwordHash = await hashPassword(password);
  return inTransaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account) return null;
    await setPasswordAndEndSessions(tx, account.id, passwordHash, now);
    await expireUnusedTokens(tx, "password_reset", account.id, now);
    await insertAccountEvent(tx, { userId: account.id, actorUserId: null, action: "passwordSetByOperator" });
    return account;
  });
}

// ---------------------------------------------------------------------------------------------
// The first administrator: a one-time setup link printed at start
// ---------------------------------------------------------------------------------------------

/** A new setup link while the installation has no administrator (replacing any earlier one), else null. */
export async function issueSetupLinkIfNoAdministrator(db: Database, now = currentTime()) {
  return db.transaction(async (tx) => {
    if ((await countAdministrators(tx)) > 0) return null;
    const { token, expiresAt } = await writeToken(tx, "setup", null, null, SETUP_LINK_HOURS * 60, now);
    return { link: setupLinkOf(token), expiresAt };
  });
}

export async function lookupSetupLink(input: TokenInput, now = currentTime()) {
  const db = await getDb();
  const token = await findAccountTokenByHash(db, "setup", hashToken(input.token));
  if (!token) throw new DomainError("NOT_FOUND", "setupLinkNotFound");
  const status = statusOf(token, now);
  if (status === "valid" && (await countAdministrators(db)) > 0) return { status: "used" as const };
  return { status };
}

/** Creates the first administrator through the setup link; works once, and only while there is none. */
export async function completeSetup(input: CompleteSetupInput, clientAddress: string | null, now = currentTime()) {
  const db = await getDb();
  const tokenHash = hashToken(input.token);
  await claimAttempts(db, "setup", tokenHash, clientAddress, now);
  const token = await findAccountTokenByHash(db, "setup", tokenHash);
  if (!token) throw new DomainError("NOT_FOUND", "setupLinkNotFound");
  const status = statusOf(token, now);
  if (status !== "valid") throw new DomainError("GONE", `setupLink_${status}`);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    if ((await countAdministrators(tx)) > 0 || !(await claimAccountToken(tx, token.id, now))) {
      throw new DomainError("GONE", "setupLink_used");
    }
    const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash, isAdmin: true });
    if (!user) throw new DomainError("CONFLICT", "setupEmailTaken", { email: input.email }, "email");
    await insertAccountEvent(tx, { userId: user.id, actorUserId: null, action: "administratorSetUp" });
    return { email: user.email };
  });
}
