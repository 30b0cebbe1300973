import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "./client";

/*
 * A PostgreSQL server on the same machine, reached through its Unix socket as libpq writes it:
 * `?host=<socket folder>` (db/config.ts, postgresConnectionOf). The server is the CI one
 * (TEST_DATABASE_URL, else 127.0.0.1:5432), which runs on this machine.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";

interface Connection {
  socketFolder: string;
  /** The server's address for this connection: null over a Unix socket. */
  serverAddress: string | null;
}

async function connectionOf(handle: DatabaseHandle): Promise<Connection> {
  const result = await handle.db.execute(
    sql`select split_part(current_setting('unix_socket_directories'), ',', 1) as "socketFolder", inet_server_addr()::text as "serverAddress"`,
  );
  // The postgres driver answers with an array of rows.
  const [row] = Array.from(result as unknown as Iterable<Connection>);
  if (!row) throw new Error("the connection query returned no row");
  return row;
}

async function connectionThrough(url: string): Promise<Connection> {
  const handle = await openDatabase({ kind: "postgres", url });
  try {
    return await connectionOf(handle);
  } finally {
    await handle.close();
  }
}

describe("opening PostgreSQL", () => {
  it("connects through the server's socket folder when the URL names it in ?host=, and over TCP otherwise", async () => {
    const overTcp = await connectionThrough(SERVER_URL);
    expect(overTcp.serverAddress).not.toBeNull();
    expect(overTcp.socketFolder).toMatch(/^\//);

    const socketUrl = new URL(SERVER_URL);
    socketUrl.searchParams.set("host", overTcp.socketFolder);
    const overSocket = await connectionThrough(socketUrl.toString());
    expect(overSocket.serverAddress).toBeNull();
  });
});
