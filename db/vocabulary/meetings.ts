/** The meeting vocabularies as plain data (no Drizzle import), so browser code may use them too. */
export const MEETING_TYPES = ["full_task_force", "committee", "training", "case_coordination", "other"] as const;
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export const ATTENDANCE_STATUSES = ["present", "absent", "excused", "guest"] as const;
export const MINUTES_STATUSES = ["draft", "approved"] as const;
export const DECISION_STATUSES = ["pending", "in_effect", "implemented", "superseded"] as const;
