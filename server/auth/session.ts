import { getServerSession } from "next-auth";
import { cache } from "react";
import { isSupportedLocale } from "@/server/lib/translate";
import { getDb } from "@/server/lib/unitOfWork";
import { findSessionUser } from "@/server/domains/auth";
import type { SessionUser } from "@/server/trpc/context";
import { currentTime } from "@/server/lib/clock";
import { authOptions } from "./options";
import { sessionRefusal } from "./sessionPolicy";

/**
 * The signed-in person, read from the database on every request, so that a deleted account, a
 * changed password or "sign out everywhere" takes effect at once rather than when the cookie
 * expires; sessions past their lifetime or idle limit are refused too (sessionPolicy.ts).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findSessionUser(await getDb(), userId);
  if (!user) return null;
  if (sessionRefusal({ authTime: session.authTime, lastSeen: session.lastSeen }, user, currentTime().getTime())) return null;
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, locale: user.locale !== null && isSupportedLocale(user.locale) ? user.locale : null };
});
