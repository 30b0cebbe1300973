import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyClientAddress, parseTrustedProxies } from "./clientAddress";

/*
 * Over real HTTP: the server in front of Next.js (server/cli/serve.ts) decides the client address
 * from the socket, so a client that forges X-Forwarded-For cannot pose as a new address per attempt.
 */

function serverWith(trusted: string): Server {
  const list = parseTrustedProxies(trusted);
  return createServer((req, res) => {
    applyClientAddress(req, list);
    res.end(String(req.headers["x-forwarded-for"] ?? ""));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("the client address seen behind our server", () => {
  const direct = serverWith("");
  const behindProxy = serverWith("127.0.0.1");
  let directUrl = "";
  let proxiedUrl = "";

  beforeAll(async () => {
    directUrl = await listen(direct);
    proxiedUrl = await listen(behindProxy);
  });
  afterAll(() => {
    direct.close();
    behindProxy.close();
  });

  it("is the socket's peer, whatever X-Forwarded-For a client sends, when no proxy is trusted", async () => {
    const forged = await fetch(directUrl, { headers: { "X-Forwarded-For": "203.0.113.77, 198.51.100.1" } });
    expect(await forged.text()).toBe("127.0.0.1");
    expect(await (await fetch(directUrl)).text()).toBe("127.0.0.1");
  });

  it("is the address a trusted proxy appended, not what the client put before it", async () => {
    const response = await fetch(proxiedUrl, { headers: { "X-Forwarded-For": "1.2.3.4, 203.0.113.9" } });
    expect(await response.text()).toBe("203.0.113.9");
  });
});
