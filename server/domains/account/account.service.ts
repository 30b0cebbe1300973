import { getDb, transaction } from "@/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import type { SessionUser } from "@/server/trpc/context";
import { findPasswordHash, updatePasswordHash } from "./account.queries";
import type { ChangePasswordInput } from "./account.schemas";
import { currentTime } from "@/server/lib/clock";

/**
 * Changes the password after checking the current one. Every other session of this person ends,
 * because sessions older than the change are refused (see server/auth/session.ts).
 */
export async function changePassword(user: SessionUser, input: ChangePasswordInput, now = currentTime()) {
  const currentHash = await findPasswordHash(await getDb(), user.id);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    throw new DomainError("INVALID", "wrongCurrentPassword", {}, "currentPassword");
  }
  const newHash = await hashPassword(input.newPassword);
  await transaction((tx) => updatePasswordHash(tx, user.id, newHash, now));
}
