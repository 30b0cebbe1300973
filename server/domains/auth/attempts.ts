import { createHash } from "node:crypto";
import type { Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { claimAttempt, clearAttempts, isKnownAddress, releaseAttempt, rememberKnownAddress, type AttemptPolicy } from "./auth.queries";

/*
 * Guarded attempts: signing in, changing a password, asking for and using a reset link, accepting
 * an invitation. Each attempt is claimed BEFORE the password or token is checked, in one statement
 * that counts it and says whether it may go ahead (claimAttempt), so parallel attempts cannot slip
 * past the limit together.
 *
 * Three counters, each slowing down with growing delays rather than locking anything:
 *  - per (subject, address): the one that bites: a few free tries, then 30 s, 1 min, 2 min … 15 min;
 *  - per subject (the account) from addresses it has never signed in from: a distributed guesser
 *    is slowed down, while the person at their usual address is never held up by it;
 *  - per address across subjects: one client trying many accounts.
 * Because no counter is per subject alone for everyone, nobody can keep a coordinator out by
 * typing wrong passwords for them from elsewhere.
 */

export type AttemptKind = "signIn" | "passwordChange" | "resetRequest" | "resetPassword" | "invitation" | "setup";

interface KindPolicy {
  pair: AttemptPolicy;
  subject: AttemptPolicy;
  address: AttemptPolicy;
  /** Whether a successful attempt makes the address known to the subject (only when the subject is a person). */
  remembersAddress: boolean;
}

const slowDown = (free: number, baseDelaySeconds = 30): AttemptPolicy => ({
  free,
  baseDelaySeconds,
  maxDelaySeconds: 15 * 60,
  windowMinutes: 60,
});

export const ATTEMPT_POLICIES: Record<AttemptKind, KindPolicy> = {
  signIn: { pair: slowDown(5), subject: slowDown(10, 60), address: slowDown(30, 60), remembersAddress: true },
  passwordChange: { pair: slowDown(5), subject: slowDown(10, 60), address: slowDown(30, 60), remembersAddress: false },
  // Each request may send an email: few per address and fewer per email address, whoever asks.
  resetRequest: { pair: slowDown(3, 60), subject: slowDown(5, 120), address: slowDown(10, 60), remembersAddress: false },
  resetPassword: { pair: slowDown(5), subject: slowDown(10, 60), address: slowDown(20, 60), remembersAddress: false },
  invitation: { pair: slowDown(5), subject: slowDown(10, 60), address: slowDown(20, 60), remembersAddress: false },
  setup: { pair: slowDown(5), subject: slowDown(10, 60), address: slowDown(20, 60), remembersAddress: false },
};

/** How long an address stays "usual" for an account after a successful sign-in from it. */
const KNOWN_ADDRESS_DAYS = 90;

/** Keys hold no raw email or token: a hash is enough to count, and the table then holds nothing to steal. */
const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

export interface ClaimedAttempts {
  kind: AttemptKind;
  keys: { pair: string; subject: string | null; address: string | null; known: string | null };
}

/** A subject as counted: emails case-insensitively, everything hashed. */
export function subjectOf(value: string): string {
  return digest(value.trim().toLowerCase());
}

function refuse(blockedUntil: Date | null, now: Date, kind: AttemptKind): never {
  const seconds = Math.max(1, Math.ceil(((blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  throw new DomainError("RATE_LIMITED", kind === "signIn" ? "tooManySignInAttempts" : "tooManyAttempts", { minutes });
}

/**
 * Claims an attempt of `kind` on `subject` (an email, user id or token, hashed here) from
 * `clientAddress`, or throws RATE_LIMITED with the minutes to wait. Call `succeeded` afterwards
 * when the attempt worked.
 */
export async function claimAttempts(
  db: Database,
  kind: AttemptKind,
  subject: string,
  clientAddress: string | null,
  now = currentTime(),
): Promise<ClaimedAttempts> {
  const policy = ATTEMPT_POLICIES[kind];
  const subjectKey = subjectOf(subject);
  const address = clientAddress ?? "unknown";
  const addressKey = digest(address);
  const known = policy.remembersAddress || kind === "passwordChange" ? `signIn:known:${subjectKey}:${addressKey}` : null;
  const isUsualAddress =
    known !== null && clientAddress !== null && (await isKnownAddress(db, known, new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)));
  const keys = {
    pair: `${kind}:pair:${subjectKey}:${addressKey}`,
    subject: isUsualAddress ? null : `${kind}:subject:${subjectKey}`,
    address: isUsualAddress || clientAddress === null ? null : `${kind}:address:${addressKey}`,
    known: policy.remembersAddress ? known : null,
  };
  const checks: [string | null, AttemptPolicy][] = [
    [keys.pair, policy.pair],
    [keys.subject, policy.subject],
    [keys.address, policy.address],
  ];
  for (const [key, keyPolicy] of checks) {
    if (!key) continue;
    const claim = await claimAttempt(db, key, keyPolicy, now);
    if (!claim.allowed) refuse(claim.blockedUntil, now, kind);
  }
  return { kind, keys };
}

/** The attempt worked: its pair starts over, the shared counters get it back, and the address becomes usual. */
export async function attemptSucceeded(db: Database, claimed: ClaimedAttempts, now = currentTime()) {
  await clearAttempts(db, claimed.keys.pair);
  const policy = ATTEMPT_POLICIES[claimed.kind];
  if (claimed.keys.subject) await releaseAttempt(db, claimed.keys.subject, policy.subject);
  if (claimed.keys.address) await releaseAttempt(db, claimed.keys.address, policy.address);
  if (claimed.keys.known) await rememberKnownAddress(db, claimed.keys.known, now);
}
