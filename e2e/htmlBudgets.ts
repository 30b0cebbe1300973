/*
 * Budgets for the HTML of each page (issue 17), checked by the link crawl (e2e/link-crawl.spec.ts),
 * which fetches every page each demo role can reach. The HTML carries the rendered page and the data
 * its client components start from (React Query's prefetched state and the catalog namespaces they
 * read), so it is what a browser parses before anything shows. Uncompressed bytes, as parsed.
 *
 * Like the JavaScript budgets (server/cli/bundleBudgets.ts) they hold today's weight, with room for
 * the records other specs add to the same demo database before the crawl, so that a page can only
 * get lighter; the README's benchmark section has the measurements. Not yet issue 17's aim of 40 KB.
 */

const KB = 1024;

export interface HtmlBudget {
  /** Why these pages need more than the default. */
  reason: string;
  kilobytes: number;
  /** The pages (path, without the query) it is for. */
  pages?: RegExp;
}

const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * The heaviest ordinary page measured 100 KB (a quarter's contributions, as the coordinator, on the
 * demo); most pages are 40–75 KB since refusals are worded on the server and the dashboard's
 * widgets render there.
 */
export const DEFAULT_HTML_BUDGET: HtmlBudget = { reason: "every page not listed", kilobytes: 120 };

export const HTML_BUDGETS: readonly HtmlBudget[] = [
  {
    reason: "a round's results: each of the 22 elements' statistics and their split by discipline (153–173 KB measured; everyone's ratings load when opened)",
    kilobytes: 200,
    pages: new RegExp(`^/tf/[^/]+/assessments/${ID}$`),
  },
  {
    reason: "the form answering a round: each of the 22 elements with its five stages, their descriptions and rubric lines (about 145 KB measured)",
    kilobytes: 180,
    pages: new RegExp(`^/tf/[^/]+/assessments/${ID}/respond$`),
  },
];

export function htmlBudgetOf(path: string): HtmlBudget {
  return HTML_BUDGETS.find((budget) => budget.pages?.test(path)) ?? DEFAULT_HTML_BUDGET;
}

/** Why a page's HTML is too heavy, or null when it is within its budget. */
export function overHtmlBudget(path: string, bytes: number): string | null {
  const budget = htmlBudgetOf(path);
  if (bytes <= budget.kilobytes * KB) return null;
  return `HTML of ${Math.round(bytes / KB)} KB, over its budget of ${budget.kilobytes} KB (${budget.reason})`;
}
