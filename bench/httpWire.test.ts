import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/trpc/root";
import { trpcBatchPath, trpcQueryPath } from "./httpWire";

/** The path the browser's batch link (as app/_trpc/client.tsx sets it up) requests for these queries, started in one tick. */
async function pathTheBrowserSends(send: (client: ReturnType<typeof createTRPCClient<AppRouter>>) => Promise<unknown>[]): Promise<string> {
  const requested: string[] = [];
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://bench.test/api/trpc",
        transformer: superjson,
        fetch: async (url) => {
          const target = new URL(String(url));
          requested.push(`${target.pathname}${target.search}`);
          const calls = target.pathname.split("/").pop()?.split(",") ?? [];
          return new Response(JSON.stringify(calls.map(() => ({ result: { data: { json: null } } }))), { headers: { "content-type": "application/json" } });
        },
      }),
    ],
  });
  await Promise.all(send(client));
  expect(requested).toHaveLength(1);
  return requested[0] as string;
}

// The benches measure what the browser sends; a batch encoded differently would measure something else.
describe("tRPC paths of the HTTP benches", () => {
  it("encodes two queries as the browser's batch link sends them together", async () => {
    const input = { taskForceSlug: "bench-1" };
    const sent = await pathTheBrowserSends((client) => [client.dashboard.gaps.query(input), client.contribution.summary.query(input)]);
    expect(trpcBatchPath([{ procedure: "dashboard.gaps", input }, { procedure: "contribution.summary", input }])).toBe(sent);
  });

  it("encodes one query as the batch link does", async () => {
    const input = { taskForceSlug: "bench-1", gapId: "00000000-0000-4000-8000-000000000000" };
    const sent = await pathTheBrowserSends((client) => [client.gap.get.query(input)]);
    expect(trpcQueryPath("gap.get", input)).toBe(sent);
  });
});
