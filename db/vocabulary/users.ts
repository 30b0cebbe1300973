/** The vocabularies of account tokens as plain data (no Drizzle import), so browser code may use them too. */
export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "setup"] as const;
