/** The vocabularies of assessment rounds and answers as plain data (no Drizzle import), so browser code may use them too. */
export const ROUND_STATUSES = ["draft", "open", "closed"] as const;

/** A rating is a stage (1–5), or an honest "don't know" / "not applicable", never a blank. */
export const RESPONSE_ANSWERS = ["stage", "dont_know", "not_applicable"] as const;

/** Who is asked in a round: every active coordinator and member, or the people chosen. */
export const ROUND_AUDIENCES = ["all", "chosen"] as const;
