/*
 * Budgets for the JavaScript each route makes the browser download before the page works (gzip),
 * checked after the build by server/cli/bundleBudget.ts. They hold today's weight so that it can only
 * go down; the README's benchmark section says what each is made of.
 */

export const KB = 1024;

export interface Budget {
  /** Why these routes need more than the default. */
  reason: string;
  kilobytes: number;
  routes?: readonly string[];
}

/**
 * The framework alone (React DOM 72 KB, Next.js's router 46 KB, the tRPC client with React Query and
 * superjson 19 KB, next-auth's client 10 KB, next-intl) is about 170 KB for an empty page.
 */
export const DEFAULT_BUDGET: Budget = { reason: "React, Next.js, tRPC and React Query, next-auth, next-intl", kilobytes: 200 };

export const ROUTE_BUDGETS: readonly Budget[] = [
  { reason: "minutes written in Markdown, previewed as they are typed (about 40 KB)", kilobytes: 235, routes: ["/tf/[slug]/meetings/[meetingId]"] },
  { reason: "framework files read and checked in the browser before upload (about 35 KB)", kilobytes: 225, routes: ["/admin/frameworks", "/admin/frameworks/[frameworkId]"] },
];

export interface RouteWeight {
  route: string;
  gzipBytes: number;
  budget: Budget;
  over: boolean;
}

export function budgetOf(route: string): Budget {
  return ROUTE_BUDGETS.find((budget) => budget.routes?.includes(route)) ?? DEFAULT_BUDGET;
}

/** Each route's first-load JavaScript, compressed, against its budget. */
export function weighRoutes(routes: readonly { route: string; firstLoadChunkPaths: readonly string[] }[], compressedSize: (chunk: string) => number): RouteWeight[] {
  return routes.map(({ route, firstLoadChunkPaths }) => {
    const gzipBytes = firstLoadChunkPaths.reduce((sum, chunk) => sum + compressedSize(chunk), 0);
    const budget = budgetOf(route);
    return { route, gzipBytes, budget, over: gzipBytes > budget.kilobytes * KB };
  });
}
