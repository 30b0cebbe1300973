import { AsyncLocalStorage } from "node:async_hooks";
import { inTransaction } from "@/server/lib/unitOfWork";
import { noticeTopicOf } from "@/db/schema";
import { appBaseUrl } from "@/server/env";
import { currentTime } from "@/server/lib/clock";
import { localeOf, readableValues, serverTranslator, SUPPORTED_LOCALES, type Locale } from "@/server/lib/translate";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import { claimUnsentMail } from "./notifications.queries";

/*
 * The notices' outbox. A notice is written with the email its person chose (notifications.service.ts,
 * insertNotifications); this sends it after the writing transaction committed: "email now" notices
 * one email each, as soon as the request that wrote them has answered (withNoticeMail) or at the
 * scheduler's next tick; "digest" notices in one email per person with the task force's daily
 * reminders (jobs/reminders.service.ts). Each notice is claimed before it is sent, so it is emailed
 * at most once however many servers send at once.
 */

const BATCH = 100;

export interface NoticeMailSummary {
  emailed: number;
  emailFailed: number;
}

type Claimed = Awaited<ReturnType<typeof claimUnsentMail>>[number];

/** The words of notice emails in one language: each person gets theirs in the language they chose. */
function mailTexts(locale: Locale) {
  return {
    notice: serverTranslator("notifications", locale),
    now: serverTranslator("email.notice", locale),
    digest: serverTranslator("email.reminderDigest", locale),
    topic: serverTranslator("noticePreferences.topics", locale),
  };
}

const textsByLocale = new Map(SUPPORTED_LOCALES.map((locale) => [locale, mailTexts(locale)]));
const textsFor = (person: { locale: string | null }) => textsByLocale.get(localeOf(person))!;

function sentenceOf(notice: Claimed): string {
  const { notice: noticeText } = textsFor(notice);
  const kind = notice.kind as Parameters<typeof noticeText>[0];
  return noticeText.has(kind) ? noticeText(kind, readableValues(notice.values, notice.timeZone, localeOf(notice))) : notice.kind;
}

const absolute = (link: string) => `${appBaseUrl()}${link}`;

async function trySend(send: () => Promise<void>, what: string): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    // The in-app notice stands; one failed email must not stop the others.
    console.error(`Sending ${what} failed:`, error instanceof Error ? error.message : error);
    return false;
  }
}

/** Sends every "email now" notice waiting, one email each; what another process claimed is its to send. */
export async function sendNoticeEmailsNow(now = currentTime()): Promise<NoticeMailSummary> {
  const summary: NoticeMailSummary = { emailed: 0, emailFailed: 0 };
  if (!isEmailConfigured()) return summary;
  for (;;) {
    const batch = await inTransaction((tx) =>
      claimUnsentMail(tx, { delivery: "email", limit: BATCH, now }),
    );
    for (const notice of batch) {
      const sentence = sentenceOf(notice);
      const { now: nowText, topic: topicName } = textsFor(notice);
      const topic = noticeTopicOf(notice.kind);
      const sent = await trySend(
        () =>
          sendMail({
            to: notice.email,
            subject: nowText("subject", { taskForce: notice.taskForceName, sentence }),
            text: nowText("body", {
              sentence,
              link: absolute(notice.link),
              topic: topic ? topicName(`${topic}.label`) : notice.kind,
              accountLink: absolute("/account#notice-preferences"),
            }),
            attachments: notice.attachment
              ? [{ filename: notice.attachment.fileName, content: notice.attachment.text, contentType: notice.attachment.contentType }]
              : undefined,
          }),
        "a notice email",
      );
      summary[sent ? "emailed" : "emailFailed"] += 1;
    }
    if (batch.length < BATCH) return summary;
  }
}

/**
 * One email per person with the task force's notices they chose to get in the daily digest: the
 * reminders the job has just written and the events of the day before. Called by the reminders job
 * after its own notices committed.
 */
export async function sendNoticeDigest(taskForceId: string, now = currentTime()): Promise<NoticeMailSummary> {
  const summary: NoticeMailSummary = { emailed: 0, emailFailed: 0 };
  if (!isEmailConfigured()) return summary;
  const notices = await inTransaction((tx) =>
    claimUnsentMail(tx, { delivery: "digest", taskForceId, limit: 10_000, now }),
  );
  const byPerson = new Map<string, Claimed[]>();
  for (const notice of notices) byPerson.set(notice.userId, [...(byPerson.get(notice.userId) ?? []), notice]);
  for (const items of byPerson.values()) {
    const [first] = items;
    if (!first) continue;
    const { digest: digestText } = textsFor(first);
    const lines = items.map((notice) => `- ${sentenceOf(notice)}\n  ${absolute(notice.link)}`);
    const sent = await trySend(
      () =>
        sendMail({
          to: first.email,
          subject: digestText("subject", { count: items.length, taskForce: first.taskForceName }),
          text: `${digestText("intro", { taskForce: first.taskForceName })}\n\n${lines.join("\n")}\n\n${digestText("footer", { accountLink: absolute("/account#notice-preferences") })}\n`,
        }),
      "a digest email",
    );
    summary[sent ? "emailed" : "emailFailed"] += 1;
  }
  return summary;
}

let sending: Promise<unknown> | null = null;
let again = false;

/** Whether the request running now wrote a notice someone wants emailed at once. */
const requestWrites = new AsyncLocalStorage<{ wroteEmail: boolean }>();

/** Called by insertNotifications: the request that wrote this notice sends it when it has answered. */
export function noteEmailWaiting(): void {
  const store = requestWrites.getStore();
  if (store) store.wroteEmail = true;
}

/**
 * Runs one request and, when it wrote notices someone wants emailed at once, sends them after it:
 * its transaction has committed by the time `work` has produced the response. A request that wrote
 * none costs nothing here. Notices written outside a request (jobs) are sent by their job or tick.
 */
export async function withNoticeMail<T>(work: () => Promise<T>): Promise<T> {
  const store = { wroteEmail: false };
  const result = await requestWrites.run(store, work);
  if (store.wroteEmail) kickNoticeMail();
  return result;
}

/**
 * Sends the waiting "email now" notices in the background. One send at a time per process; a kick
 * during a send runs one more pass after it, so what was committed meanwhile does not wait for the
 * scheduler (which sends what a stopped process left).
 */
export function kickNoticeMail(): void {
  if (!isEmailConfigured()) return;
  if (sending) {
    again = true;
    return;
  }
  sending = sendNoticeEmailsNow()
    .catch((error) => console.error("Sending notice emails failed:", error instanceof Error ? error.message : error))
    .finally(() => {
      sending = null;
      if (again) {
        again = false;
        kickNoticeMail();
      }
    });
}
