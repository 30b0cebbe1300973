import { test as base } from "@playwright/test";
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
});

export { expect } from "@playwright/test";
