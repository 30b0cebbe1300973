/**
 * The HTTP server behind `npm start` / `npm run app`: Next.js's request handler behind Node's own
 * http server, so that the client address of every request is decided here from the socket and
 * TRUSTED_PROXIES (server/http/clientAddress.ts) and handed on as the only X-Forwarded-For entry.
 * (`next start` keeps whatever X-Forwarded-For a client sends, so a client could pose as any address.)
 *
 * With SERVER_PROCESSES=N (PostgreSQL only) it starts N such servers on the one port (node:cluster
 * hands each new connection to the next), so that a machine's other cores serve pages too: one
 * Node.js process renders on one core. The processes share nothing but the database, as separate
 * instances do (sessions are signed tokens, limits and job claims live in the database).
 *
 *   tsx server/cli/serve.ts <port>
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { ConfigError } from "@/db/config";
import { serverProcessesFromEnv } from "@/server/env";
import { applyClientAddress, parseTrustedProxies } from "@/server/http/clientAddress";
import { ROOT, stop } from "./shared";

async function serve(port: number): Promise<void> {
  let trusted;
  try {
    trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    stop((error as Error).message);
  }
  const app = next({ dev: false, dir: ROOT, port, hostname: process.env.HOSTNAME?.trim() || undefined });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    applyClientAddress(req, trusted);
    void handle(req, res);
  });
  // Node closes an idle kept-alive connection after 5 s; a client (a proxy, a browser, a test's
  // request context) sending on it at that moment gets a reset. Idle connections stay open longer
  // than a reverse proxy's usual 60 s instead, so the proxy closes them first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, () => {
    if (cluster.isPrimary) console.log(`Listening on port ${port}.`);
    else process.send?.("listening");
  });
  const close = () => server.close(() => process.exit(0));
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}

/** Starts `processes` servers on the port and keeps that many running until told to stop. */
function superviseProcesses(port: number, processes: number): void {
  let stopping = false;
  let listening = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "listening" && ++listening === processes) console.log(`Listening on port ${port} (${processes} server processes).`);
    });
  };
  for (let index = 0; index < processes; index += 1) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed process is replaced, so the server keeps its size; its requests in flight are lost, as with any crash.
    console.error(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
    fork();
  });
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
  let processes;
  try {
    processes = serverProcessesFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  if (cluster.isPrimary && processes > 1) superviseProcesses(port, processes);
  else await serve(port);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
