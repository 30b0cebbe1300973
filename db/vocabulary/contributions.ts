/** The vocabularies of contribution reports as plain data (no Drizzle import), so browser code may use them too. */
export const CONTRIBUTION_PERIOD_LENGTHS = ["quarter", "month"] as const;

export const CONTRIBUTION_REPORT_STATUSES = ["draft", "submitted", "returned"] as const;
