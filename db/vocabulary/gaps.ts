/** The vocabularies of gaps and action items as plain data (no Drizzle import), so browser code may use them too. */
export const GAP_PRIORITIES = ["high", "medium", "low"] as const;

/** open, in_progress and blocked are "open" gaps; resolved and wont_fix are closed (see gaps.rules.ts). */
export const GAP_STATUSES = ["open", "in_progress", "blocked", "resolved", "wont_fix"] as const;

export const GAP_EVENT_KINDS = ["status_change", "comment", "update"] as const;

export const ACTION_ITEM_STATUSES = ["to_do", "doing", "done"] as const;
