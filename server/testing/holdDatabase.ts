/**
 * Test helper, run as its own process: opens the embedded database in PGLITE_DIR (taking its lock,
 * as the server does), prints "ready" and keeps it open until killed. Tests use it to be the
 * "running server" a second opener must not disturb.
 */
import { databaseHandle } from "@/db/client";

async function main() {
  process.env.TFR_PROCESS_ROLE ||= "server";
  const handle = await databaseHandle();
  await handle.migrate();
  console.log("ready");
  setInterval(() => {}, 60_000);
  // Like next start: a polite stop exits through process.exit, which releases the lock.
  process.on("SIGTERM", () => process.exit(0));
}

void main();
