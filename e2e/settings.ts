/*
 * Settings shared by playwright.config.ts (which starts the server with them) and the specs (which
 * rely on them). No password here works anywhere but in the end-to-end server's own database.
 */

// E2E_PORT lets two checkouts on one machine run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;

/** The demo accounts' password for the e2e server only (the app generates one per installation otherwise). */
export const E2E_DEMO_PASSWORD = process.env.DEMO_PASSWORD?.trim() || "e2e-only-demo-password";

/**
 * The e2e server sends mail to this port, where a spec that reads mail starts the in-process SMTP
 * server (db/testing/fakeSmtpServer.ts). While nothing listens, sending fails at once and the app
 * falls back as it does without email (invitation links are shown to copy).
 */
export const E2E_SMTP_PORT = E2E_PORT + 10_000;
