import { databaseHandle } from "@/db/client";
import { ConfigError } from "@/db/config";
import { checkServerEnv } from "@/server/env";
import { isDatabaseUnavailable } from "@/server/errors";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";

/** Explains a start-up failure in one line and stops, instead of serving pages that cannot work. */
function stop(message: string): never {
  console.error(`Task Force Roadmap cannot start: ${message}`);
  process.exit(1);
}

export async function prepareServer(): Promise<void> {
  try {
    checkServerEnv();
    const handle = await databaseHandle();
    await handle.migrate();
    // Assessments need a framework; the shipped default is created once, on the first start.
    await ensureDefaultFramework(handle.db);
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    if (isDatabaseUnavailable(error)) {
      stop(`the database server does not answer (${(error as { code: string }).code}). Check DATABASE_URL and that PostgreSQL is running.`);
    }
    throw error;
  }
}
