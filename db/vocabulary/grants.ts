/** The vocabularies of grants and their requirements as plain data (no Drizzle import), so browser code may use them too. */
/** How often the funder wants a progress report; periods and due dates follow from it (grants.rules.ts). */
export const REPORTING_CADENCES = ["semiannual", "quarterly"] as const;

export const REQUIREMENT_STATUSES = ["not_started", "in_progress", "met", "not_applicable"] as const;
