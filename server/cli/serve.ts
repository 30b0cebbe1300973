/**
 * The HTTP server behind `npm start` / `npm run app`: Next.js's request handler behind Node's own
 * http server, so that the client address of every request is decided here from the socket and
 * TRUSTED_PROXIES (server/http/clientAddress.ts) and handed on as the only X-Forwarded-For entry.
 * (`next start` keeps whatever X-Forwarded-For a client sends, so a client could pose as any address.)
 *
 *   tsx server/cli/serve.ts <port>
 */
import { createServer } from "node:http";
import next from "next";
import { applyClientAddress, parseTrustedProxies } from "@/server/http/clientAddress";
import { ROOT, stop } from "./shared";

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
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
  server.listen(port, () => console.log(`Listening on port ${port}.`));
  const close = () => server.close(() => process.exit(0));
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
