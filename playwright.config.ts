import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E_DEMO_PASSWORD, E2E_LOCALE, E2E_WORKERS, e2ePort, e2eSmtpPort } from "./e2e/settings";

/*
 * End-to-end tests drive the production build (`next start`) in Chromium. Each Playwright worker
 * drives a server of its own (e2e/test.ts picks it by the worker's index), and each server gets its
 * own fresh embedded database folder (.data/e2e-<worker>, wiped before each run) with the fictional
 * demo seeded: specs in different workers never see each other's data, and PGlite never shares a
 * folder between processes.
 */

/**
 * Debian's Chromium headless shell first (package chromium-headless-shell: what Playwright itself runs
 * headless, with no browser window), then the full Chromium, so tests run offline; Playwright's own
 * download only when it was installed by hand. The full Chromium opens two WebUI omnibox renderers for
 * every browser context: the suite costs about half as much CPU again in it.
 */
function chromiumExecutable(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points at ${configured}, which does not exist.`);
    return configured;
  }
  const system = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((candidate) => existsSync(candidate));
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one with `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium/Chrome binary.",
  );
}

export default defineConfig({
  testDir: "e2e",
  // Specs left out of this run (comma-separated file names): `npm test` runs some of them in a second,
  // Spanish run of their own (server/cli/test-all.ts).
  testIgnore: (process.env.E2E_SKIP_SPECS ?? "").split(",").filter(Boolean).map((spec) => `**/${spec}`),
  // Files run in parallel across workers; the tests of one file run in order, in one worker.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Two workers share two cores with two servers and two browsers, so a step takes up to twice as
  // long as alone: the limits leave room for that, and still end a hung test within a minute.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME || ".data/test-results/e2e.json" }],
  ],
  use: {
    // A trace is recorded for every test and costs about an eighth of the suite's time (227 s without,
    // 258 s with, on two cores); CI keeps only its log, so it records none.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // The browser's language, which the app follows on a first visit (E2E_LOCALE; US English by default).
        locale: E2E_LOCALE === "en" ? "en-US" : E2E_LOCALE,
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-domain-reliability",
            "--no-pings",
          ],
        },
      },
    },
  ],
  // One server per worker. The first builds when there is no build yet; the others wait for it.
  webServer: Array.from({ length: E2E_WORKERS }, (_, worker) => ({
    command: `npx tsx e2e/startServer.ts ${worker}`,
    url: `http://localhost:${e2ePort(worker)}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(e2ePort(worker)),
      NEXTAUTH_URL: `http://localhost:${e2ePort(worker)}`,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      // Always the embedded database, whatever the shell has in DATABASE_URL.
      DATABASE_URL: "",
      PGLITE_DIR: `.data/e2e-${worker}`,
      SEED_DEMO: "1",
      // A known password for the demo accounts, for e2e/fixtures.ts (the app generates one otherwise).
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(worker)}`,
      MAIL_FROM: "Task Force Roadmap <no-reply@example.org>",
      TRUSTED_PROXIES: "",
      // Reminders sent by the scheduler at start-up would change what the specs see; the jobs have their own tests.
      JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  })),
});
