import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E_DEMO_PASSWORD, E2E_PORT, E2E_SMTP_PORT } from "./e2e/settings";

/*
 * End-to-end tests drive the production build (`next start`) in Chromium. The server gets its own
 * fresh embedded database folder (.data/e2e, wiped before each run) with the fictional demo seeded,
 * because PGlite has no lock between processes and must never share a folder with a dev server.
 */
const PORT = E2E_PORT;
const BASE_URL = `http://localhost:${PORT}`;
const E2E_DATA_DIR = ".data/e2e";

/**
 * System Chromium first (Debian's /usr/bin/chromium, or PLAYWRIGHT_CHROMIUM_PATH), so tests run
 * offline; Playwright's own download only when it was installed by hand.
 */
function chromiumExecutable(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points at ${configured}, which does not exist.`);
    return configured;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one with `sudo apt-get install chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium/Chrome binary.",
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two cores here: one worker keeps `next start` and the browser from starving each other.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME || ".data/test-results/e2e.json" }],
  ],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
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
  webServer: {
    // `start` builds only when .next has no build (test:e2e builds just before).
    command: `node -e "require('fs').rmSync('${E2E_DATA_DIR}', { recursive: true, force: true })" && npx tsx server/cli/app.ts start`,
    url: `${BASE_URL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      // Always the embedded database, whatever the shell has in DATABASE_URL.
      DATABASE_URL: "",
      PGLITE_DIR: E2E_DATA_DIR,
      SEED_DEMO: "1",
      // A known password for the demo accounts, for e2e/fixtures.ts (the app generates one otherwise).
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Task Force Roadmap <no-reply@example.org>",
      TRUSTED_PROXIES: "",
      // Reminders sent by the scheduler at start-up would change what the specs see; the jobs have their own tests.
      JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
