/*
 * What a person may choose about their notices, as plain data (no Drizzle import) so the account
 * page can list the choices. Notices are grouped into topics as a person thinks of them ("meetings I
 * am expected at"), not by the 25 message kinds; each topic is delivered in-app only, by email at
 * once, or in the daily digest email. In-app is always written whatever the choice.
 */

export const NOTICE_DELIVERIES = ["inApp", "email", "digest"] as const;
export type NoticeDelivery = (typeof NOTICE_DELIVERIES)[number];

/**
 * Each topic with the notice kinds it covers and what it does until the person chooses. Events
 * that change someone's plans (work given to them, a meeting moved) go out at once; what is coming
 * up anyway waits for the morning's digest.
 */
export const NOTICE_TOPICS = {
  roundOpened: { kinds: ["assessmentOpened", "assessmentExtended"], byDefault: "email" },
  roundClosing: { kinds: ["assessmentClosingSoon"], byDefault: "digest" },
  workGiven: { kinds: ["actionItemAssigned", "actionItemDueChanged", "gapAssigned", "gapDueChanged"], byDefault: "email" },
  workDue: { kinds: ["actionItemDueSoon", "actionItemOverdue", "gapDueSoon", "gapOverdue"], byDefault: "digest" },
  meetings: { kinds: ["meetingScheduled", "meetingMoved", "meetingCancelled"], byDefault: "email" },
  minutes: { kinds: ["minutesApproved"], byDefault: "digest" },
  contributionsDue: { kinds: ["contributionsDueSoon", "contributionsOverdue"], byDefault: "digest" },
  contributionsReturned: { kinds: ["contributionsReturned"], byDefault: "email" },
  grantReports: { kinds: ["grantReportDue", "grantReportOverdue"], byDefault: "digest" },
  protocolReviews: { kinds: ["protocolReviewDue", "protocolReviewOverdue"], byDefault: "digest" },
  mouRenewals: { kinds: ["mouRenewalDue", "mouExpired"], byDefault: "digest" },
} as const satisfies Record<string, { kinds: readonly string[]; byDefault: NoticeDelivery }>;

export type NoticeTopic = keyof typeof NOTICE_TOPICS;
export const NOTICE_TOPIC_NAMES = Object.keys(NOTICE_TOPICS) as NoticeTopic[];

/**
 * Kinds outside every topic: a coordinator's "Send reminder" (assessmentReminder,
 * contributionsReminder) is one person asking another and is emailed by its own path at once.
 */
export const DIRECTLY_EMAILED_KINDS = ["assessmentReminder", "contributionsReminder"] as const;

const TOPIC_OF_KIND = new Map<string, NoticeTopic>(
  NOTICE_TOPIC_NAMES.flatMap((topic) => NOTICE_TOPICS[topic].kinds.map((kind): [string, NoticeTopic] => [kind, topic])),
);

/** The topic a notice kind belongs to; null for the directly emailed kinds. */
export function noticeTopicOf(kind: string): NoticeTopic | null {
  return TOPIC_OF_KIND.get(kind) ?? null;
}
