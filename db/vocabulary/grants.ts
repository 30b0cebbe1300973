/** The vocabularies of grants and their requirements as plain data (no Drizzle import), so browser code may use them too. */
/** How often the funder wants a progress report; periods and due dates follow from it (grants.rules.ts). */
export const REPORTING_CADENCES = ["semiannual", "quarterly"] as const;

export const REQUIREMENT_STATUSES = ["not_started", "in_progress", "met", "not_applicable"] as const;

/**
 * What a recorded change of a requirement's status rests on: a coordinator setting it by hand, the
 * platform's calculation, a coordinator's override of the calculation (with the reason), or a row
 * reconstructed for a requirement that existed before its statuses were recorded.
 */
export const STATUS_CHANGE_SOURCES = ["manual", "computed", "override", "backfill"] as const;

/**
 * The currency of every amount the program records (award, match, contribution values): US
 * federal anti-trafficking awards are made and reported in US dollars, so no currency is stored
 * with an award or a task force. Formatting and exports name it from here.
 */
export const PROGRAM_CURRENCY = "USD";
