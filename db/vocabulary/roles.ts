/** Roles a person can hold in a task force. Plain data (no Drizzle import), so browser code may use it too. */
export const TASK_FORCE_ROLES = ["coordinator", "member", "funder", "viewer"] as const;
