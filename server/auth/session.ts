import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/server/domains/auth/auth.queries";
import type { SessionUser } from "@/server/trpc/context";
import { authOptions } from "./options";

/** Grace for clock granularity between the password change and the sign-in that follows it. */
const PASSWORD_CHANGE_GRACE_MS = 1000;

/**
 * The signed-in person, read from the database on every request, so that a deleted account or a
 * changed password takes effect at once rather than when the cookie expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findSessionUser(await getDb(), userId);
  if (!user) return null;
  if (session.authTime + PASSWORD_CHANGE_GRACE_MS < user.passwordChangedAt.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
});
