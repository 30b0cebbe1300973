import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { NOTICE_TOPIC_NAMES, NOTICE_TOPICS, noticeTopicOf, type NoticeDelivery } from "@/db/schema";
import { isEmailConfigured } from "@/server/mail/mailer";
import { noteEmailWaiting } from "./noticeMail.service";
import type { SessionUser } from "@/server/trpc/context";
import {
  countUnreadNotificationsOfUser,
  insertNotificationRows,
  listNoticePreferencesOf,
  listNotificationsOfUser,
  markNotificationsRead,
  saveNoticePreference,
  type NewNotification,
} from "./notifications.queries";
import type { ListNotificationsInput, MarkNotificationsReadInput, NoticePreferenceInput } from "./notifications.schemas";
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

/**
 * Writes notices, each marked with the email its person chose for its topic (none when this server
 * sends no email), for the outbox (noticeMail.service.ts) to send after the caller's transaction has
 * committed. A notice whose dedupe key exists already is skipped: the people who got a new one are
 * returned, so a caller that emails by its own path emails only them.
 */
export async function insertNotifications(tx: Database, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  const emailing = isEmailConfigured();
  const chosen = new Map<string, NoticeDelivery>();
  if (emailing) {
    const preferences = await listNoticePreferencesOf(tx, [...new Set(rows.map((row) => row.userId))]);
    for (const preference of preferences) chosen.set(`${preference.userId}:${preference.topic}`, preference.delivery);
  }
  const deliveryOf = (row: NewNotification): NoticeDelivery => {
    const topic = noticeTopicOf(row.kind);
    if (!emailing || !topic) return "inApp";
    return chosen.get(`${row.userId}:${topic}`) ?? NOTICE_TOPICS[topic].byDefault;
  };
  const decided = rows.map((row) => ({ ...row, delivery: deliveryOf(row) }));
  const inserted = await insertNotificationRows(tx, decided);
  if (decided.some((row) => row.delivery === "email")) noteEmailWaiting();
  return inserted;
}

/** What the person chose for each topic, the default where they did not, and whether email is sent at all. */
export async function getMyNoticePreferences(user: SessionUser) {
  const saved = await listNoticePreferencesOf(await getDb(), [user.id]);
  const byTopic = new Map(saved.map((preference) => [preference.topic, preference.delivery]));
  return {
    emailConfigured: isEmailConfigured(),
    topics: NOTICE_TOPIC_NAMES.map((topic) => ({
      topic,
      delivery: byTopic.get(topic) ?? NOTICE_TOPICS[topic].byDefault,
      byDefault: NOTICE_TOPICS[topic].byDefault,
    })),
  };
}

/** A person's own setting, like their password: not task-force data, so not audited there. */
export async function setMyNoticePreference(user: SessionUser, input: NoticePreferenceInput, now = currentTime()) {
  await saveNoticePreference(await getDb(), user.id, input.topic, input.delivery, now);
  return getMyNoticePreferences(user);
}
