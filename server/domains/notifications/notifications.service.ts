import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import type { SessionUser } from "@/server/trpc/context";
import { countUnreadNotificationsOfUser, listNotificationsOfUser, markNotificationsRead } from "./notifications.queries";
import type { ListNotificationsInput, MarkNotificationsReadInput } from "./notifications.schemas";
import { currentTime } from "@/server/lib/clock";

/** A person's own notices across the task forces they still belong to, newest first. */
export async function listMyNotifications(user: SessionUser, input: ListNotificationsInput) {
  return listNotificationsOfUser(await getDb(), user.id, input.limit);
}

export async function countMyUnreadNotifications(user: SessionUser) {
  return countUnreadNotificationsOfUser(await getDb(), user.id);
}

/** Reading a notice is the person's own business, not task-force data, so it is not audited. */
export function markMyNotificationsRead(user: SessionUser, input: MarkNotificationsReadInput, now = currentTime()) {
  return inTransaction((tx) => markNotificationsRead(tx, user.id, "all" in input ? "all" : input.ids, now));
}
