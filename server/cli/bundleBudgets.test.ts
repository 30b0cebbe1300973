import { describe, expect, it } from "vitest";
import { budgetOf, DEFAULT_BUDGET, KB, ROUTE_BUDGETS, weighRoutes } from "./bundleBudgets";

describe("first-load JavaScript budgets", () => {
  it("sums a route's compressed chunks and flags a route over its budget", () => {
    const sizes: Record<string, number> = { "shared.js": 150 * KB, "login.js": 30 * KB, "markdown.js": 60 * KB, "charts.js": 160 * KB };
    const weights = weighRoutes(
      [
        { route: "/login", firstLoadChunkPaths: ["shared.js", "login.js"] },
        { route: "/tf/[slug]/meetings/[meetingId]", firstLoadChunkPaths: ["shared.js", "markdown.js"] },
        { route: "/tf/[slug]/dashboard", firstLoadChunkPaths: ["shared.js", "charts.js"] },
      ],
      (chunk) => sizes[chunk] ?? 0,
    );
    expect(weights.map(({ route, gzipBytes, over }) => ({ route, kilobytes: gzipBytes / KB, over }))).toEqual([
      { route: "/login", kilobytes: 180, over: false },
      // A route with a budget of its own (the meeting's Markdown) is held to it.
      { route: "/tf/[slug]/meetings/[meetingId]", kilobytes: 210, over: false },
      // Charts loaded with the page instead of after it are caught.
      { route: "/tf/[slug]/dashboard", kilobytes: 310, over: true },
    ]);
  });

  it("gives every route one budget, with a reason when it is above the default", () => {
    const listed = ROUTE_BUDGETS.flatMap((budget) => budget.routes ?? []);
    expect(new Set(listed).size).toBe(listed.length);
    for (const budget of ROUTE_BUDGETS) {
      expect(budget.kilobytes).toBeGreaterThan(DEFAULT_BUDGET.kilobytes);
      expect(budget.reason.length).toBeGreaterThan(10);
    }
    expect(budgetOf("/login")).toBe(DEFAULT_BUDGET);
  });
});
