/**
 * Runs once when the server starts: checks the environment and brings the database schema up to
 * date, on PGlite and PostgreSQL alike, before the first request is served.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareServer } = await import("./server/startup");
    await prepareServer();
  }
}
