import { getDb } from "@/server/lib/unitOfWork";
import { verifyAgainstDecoy, verifyPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { findUserCredentialsByEmail } from "./auth.queries";
import { attemptSucceeded, claimAttempts } from "./attempts";

/**
 * Checks an email and password. Unknown email and wrong password fail the same way, in about the
 * same time, so that the answer does not reveal who has an account. The attempt is claimed before
 * the password is checked (see attempts.ts): failures slow down the (account, address) pair with
 * growing delays, never the account for everyone.
 */
export async function authenticate(email: string, password: string, clientAddress: string | null, now = currentTime()) {
  const db = await getDb();
  const claimed = await claimAttempts(db, "signIn", email, clientAddress, now);
  const user = await findUserCredentialsByEmail(db, email.trim());
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid) throw new DomainError("UNAUTHENTICATED", "invalidCredentials");
  await attemptSucceeded(db, claimed, now);
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}
