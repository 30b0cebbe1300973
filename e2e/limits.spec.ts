import { expect, test } from "./test";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_BODY_BYTES } from "../server/trpc/limits";
import { openInApp, RIVERBEND, signIn, trpcMutation, USERS, waitForQuiet } from "./fixtures";

/*
 * Request limits against the production build (server/trpc/limits.ts): the app's own pages never
 * send a batch the server refuses, even when every query of a page refetches at once, and requests
 * made by hand over the limits are refused.
 */

const tf = (path: string) => `/tf/${RIVERBEND}${path}`;

const PAGES = [
  tf("/dashboard"),
  tf("/assessments"),
  tf("/gaps"),
  tf("/actions"),
  tf("/meetings"),
  tf("/meetings/committees"),
  tf("/members"),
  tf("/members/people"),
  tf("/members/mous"),
  tf("/members/protocols"),
  tf("/contributions"),
  tf("/grants"),
  tf("/grants/reports"),
  tf("/settings"),
  tf("/settings/audit"),
  "/account",
  "/notifications",
];

/** Calls in a batched tRPC request, read from its URL (`/api/trpc/a,b,c?batch=1`). */
function batchSize(url: string): number {
  const parsed = new URL(url);
  if (parsed.searchParams.get("batch") !== "1") return 1;
  return decodeURIComponent(parsed.pathname.replace(/^\/api\/trpc\//, "")).split(",").length;
}

test("no page sends a batch over the limit, even when all its queries refetch together", async ({ page }) => {
  test.slow();
  // Through the sign-in form: the next-auth route reads its body with a limit too.
  await signIn(page, USERS.coordinator);
  const batches: { page: string; calls: number; status: number }[] = [];
  let current = "";
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/api/trpc/")) batches.push({ page: current, calls: batchSize(response.url()), status: response.status() });
  });
  for (const path of PAGES) {
    current = path;
    await openInApp(page, path);
    await waitForQuiet(page);
    // Let every query go stale and bring the tab back into focus: React Query refetches all of the
    // page's queries at once, which the batch link sends as one request — the largest a page makes.
    await page.evaluate(() => {
      // Pages opened through the router share one document, so each page moves the clock on another
      // ten minutes from where the last one left it: every query, whenever fetched, is stale.
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + 10 * 60_000;
      // React Query's focus manager listens on window; the browser's own event bubbles up to it.
      document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
    });
    await waitForQuiet(page, { afterNow: true });
  }
  const largest = batches.reduce((max, batch) => (batch.calls > max.calls ? batch : max), { page: "", calls: 0, status: 0 });
  test.info().annotations.push({ type: "largest tRPC batch", description: `${largest.calls} calls on ${largest.page}` });
  console.log(`largest tRPC batch: ${largest.calls} calls on ${largest.page}; per page: ${JSON.stringify(Object.fromEntries(PAGES.map((path) => [path, Math.max(0, ...batches.filter((batch) => batch.page === path).map((batch) => batch.calls))])))}`);
  expect(batches.length).toBeGreaterThan(0);
  expect(largest.calls).toBeLessThanOrEqual(MAX_TRPC_BATCH_SIZE);
  expect(batches.filter((batch) => batch.status === 400 || batch.status === 413)).toEqual([]);
});

test("a hand-made batch over the limit is refused with 400", async ({ request }) => {
  const paths = Array.from({ length: MAX_TRPC_BATCH_SIZE + 1 }, () => "invitation.lookup").join(",");
  const input = Object.fromEntries(Array.from({ length: MAX_TRPC_BATCH_SIZE + 1 }, (_, index) => [index, { json: { token: "z".repeat(43) } }]));
  const response = await request.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.status()).toBe(400);
});

test("a body over the limit is refused with 413, and so is an oversized sign-in form", async ({ request }) => {
  const huge = "x".repeat(MAX_TRPC_BODY_BYTES + 1);
  const refused = await trpcMutation(request, "invitation.acceptWithNewAccount", { token: huge, name: "Big", password: "a long enough password 1" });
  expect(refused.status).toBe(413);
  expect(refused.error?.messageKey).toBe("requestTooLarge");
  const signIn = await request.post("/api/auth/callback/credentials", { form: { email: "a@example.org", password: "x".repeat(64 * 1024) } });
  expect(signIn.status()).toBe(413);
});
