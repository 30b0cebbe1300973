/** The vocabularies of member organizations as plain data (no Drizzle import), so browser code may use them too. */
export const JURISDICTION_LEVELS = ["local", "state", "tribal", "federal", "non_governmental"] as const;

/** prospective → active → inactive / withdrawn; every change is kept in organization_status_history. */
export const MEMBERSHIP_STATUSES = ["prospective", "active", "inactive", "withdrawn"] as const;

export const ORGANIZATION_ROLES = ["lead_law_enforcement", "lead_victim_services", "co_lead", "member", "affiliate"] as const;
