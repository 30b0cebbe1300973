/** The vocabularies of MOUs and protocols as plain data (no Drizzle import), so browser code may use them too. */
export const MOU_STATUSES = ["draft", "signed", "expired", "terminated"] as const;

/** The eight IACP checklist topics, and "other" (which needs a title). */
export const PROTOCOL_TOPICS = [
  "information_sharing",
  "deaf_hard_of_hearing_access",
  "language_access",
  "referrals",
  "media",
  "confidentiality",
  "data_collection",
  "grant_reporting",
  "other",
] as const;

export const PROTOCOL_STATUSES = ["draft", "adopted", "under_review"] as const;
