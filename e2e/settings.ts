import { resolveLocale } from "../app/i18n/locales";

/*
 * Settings shared by playwright.config.ts (which starts the servers with them) and the specs (which
 * rely on them). No password here works anywhere but in the end-to-end servers' own databases.
 */

/** E2E_PORT lets two checkouts on one machine run their suites side by side. */
const BASE_PORT = Number(process.env.E2E_PORT) || 3100;

/**
 * Playwright workers, each driving a server and a database of its own (E2E_WORKERS overrides).
 * Two on these two-core machines: a worker spends most of its time waiting for its server or its
 * browser, so two keep both cores busy; more only make them wait for each other.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS) || 2);

/**
 * The port of the server that Playwright worker `worker` (its parallelIndex) drives. Twenty apart,
 * so a spec may start servers of its own on the next few ports (e2e/instances.spec.ts).
 */
export function e2ePort(worker: number): number {
  return BASE_PORT + worker * 20;
}

/** The demo accounts' password for the e2e servers only (the app generates one per installation otherwise). */
export const E2E_DEMO_PASSWORD = process.env.DEMO_PASSWORD?.trim() || "e2e-only-demo-password";

/**
 * Worker `worker`'s server sends mail to this port, where a spec that reads mail starts the
 * in-process SMTP server (server/testing/fakeSmtpServer.ts). While nothing listens, sending fails at
 * once and the app falls back as it does without email (invitation links are shown to copy).
 */
export function e2eSmtpPort(worker: number): number {
  return e2ePort(worker) + 10_000;
}

/**
 * The language the suite reads the app in (E2E_LOCALE=es runs it in US Spanish): the browser asks
 * for it (Accept-Language) and the specs look for the catalog's texts in it (e2e/fixtures.ts).
 * English by default. The language spec, the link crawl and the funder's axe pass read Spanish anyway.
 */
export const E2E_LOCALE = resolveLocale({ acceptLanguage: process.env.E2E_LOCALE?.trim() || "en" });
