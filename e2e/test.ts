import { test as base, expect } from "@playwright/test";
import { countRequests, watchForMissingMessages } from "./fixtures";
import { e2ePort } from "./settings";

/*
 * The `test` every spec uses: Playwright's own, pointed at the server of the worker that runs it.
 * Each worker has a server and a freshly seeded database of its own (playwright.config.ts), so specs
 * in different workers never see each other's data, and those in one worker run one after another
 * as they always did.
 */
export const test = base.extend({
  baseURL: async ({}, provide, testInfo) => {
    await provide(`http://localhost:${e2ePort(testInfo.parallelIndex)}`);
  },
  // Every page a test opens fails it if a client component asks for a text its page did not send.
  // Its pages' requests are counted from the start, for waitForQuiet.
  context: async ({ context }, provide) => {
    const missing = watchForMissingMessages(context);
    context.on("page", countRequests);
    await provide(context);
    expect(missing, "texts the page's catalog namespaces did not include (add the namespace to its ClientMessages)").toEqual([]);
  },
});

export { expect };
