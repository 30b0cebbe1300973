import { getDb } from "@/db/client";
import { verifyAgainstDecoy, verifyPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import { clearAttempts, findUserCredentialsByEmail, readAttempts, recordFailedAttempt } from "./auth.queries";
import { currentTime } from "@/server/lib/clock";

/** Failed sign-ins allowed per window, per account and per client address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `sign-in:address:${address}`;

/**
 * Checks an email and password. Unknown email and wrong password fail the same way, in about the
 * same time, so that the answer does not reveal who has an account. Attempts are limited per
 * account (against guessing one password) and per address (against trying many accounts).
 */
export async function authenticate(email: string, password: string, clientAddress: string | null, now = currentTime()) {
  const db = await getDb();
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const keys = [
    { key: accountKey(email), limit: SIGN_IN_LIMITS.perAccount },
    ...(clientAddress ? [{ key: addressKey(clientAddress), limit: SIGN_IN_LIMITS.perAddress }] : []),
  ];
  for (const { key, limit } of keys) {
    const { attempts } = await readAttempts(db, key, windowStart);
    if (attempts >= limit) {
      throw new DomainError("RATE_LIMITED", "tooManySignInAttempts", { minutes: SIGN_IN_LIMITS.windowMinutes });
    }
  }

  const user = await findUserCredentialsByEmail(db, email.trim());
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid) {
    for (const { key } of keys) await recordFailedAttempt(db, key, windowStart);
    throw new DomainError("UNAUTHENTICATED", "invalidCredentials");
  }
  await clearAttempts(db, accountKey(email));
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
