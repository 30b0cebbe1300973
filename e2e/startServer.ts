/*
 * `tsx e2e/startServer.ts <worker>`: starts the end-to-end server of one Playwright worker
 * (playwright.config.ts) on a freshly wiped database folder. Worker 0's server builds the app when
 * there is no build yet; the others wait for that build instead of running a second `next build`
 * into the same .next folder.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const worker = Number(process.argv[2] ?? "0");
const dataDir = process.env.PGLITE_DIR;
if (!Number.isInteger(worker) || worker < 0 || !dataDir) {
  console.error("usage: PGLITE_DIR=<folder> tsx e2e/startServer.ts <worker index>");
  process.exit(2);
}

const BUILD_ID = path.join(process.cwd(), ".next", "BUILD_ID");
const BUILD_WAIT_MS = 10 * 60_000;

async function waitForBuild(): Promise<void> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!existsSync(BUILD_ID)) {
    if (Date.now() > deadline) throw new Error(`no build appeared in .next within ${BUILD_WAIT_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function main(): Promise<void> {
  rmSync(dataDir!, { recursive: true, force: true });
  if (worker > 0) await waitForBuild();
  const server = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "server/cli/app.ts", "start"], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
