import { databaseHandle } from "@/db/client";
import { ConfigError } from "@/db/config";
import { checkServerEnv } from "@/server/env";
import { isDatabaseUnavailable } from "@/server/errors";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { startScheduler } from "@/server/domains/jobs/jobs.scheduler";

/** Explains a start-up failure in one line and stops, instead of serving pages that cannot work. */
function stop(message: string): never {
  console.error(`Task Force Roadmap cannot start: ${message}`);
  process.exit(1);
}

export async function prepareServer(): Promise<void> {
  try {
    checkServerEnv();
    // Named in the embedded database's lock file, so a second opener is told the server holds it.
    process.env.TFR_PROCESS_ROLE ||= "server";
    const handle = await databaseHandle();
    await handle.migrate();
    // Assessments need a framework; the shipped default is created once, on the first start.
    await ensureDefaultFramework(handle.db);
    // Reminders and backups run inside the server: on the embedded database no other process may open it.
    if (process.env.NEXT_PHASE !== "phase-production-build") startScheduler();
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    if (isDatabaseUnavailable(error)) {
      stop(`the database server does not answer (${(error as { code: string }).code}). Check DATABASE_URL and that PostgreSQL is running.`);
    }
    throw error;
  }
}
