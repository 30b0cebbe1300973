import { z } from "zod";
import { taskForceSlugSchema } from "@/server/trpc/init";

/** The portfolio as a file: every table in one workbook, or the portfolio table as CSV. */
export const ExportPortfolioInput = z.object({ format: z.enum(["csv", "xlsx"]) });
export type ExportPortfolioInput = z.infer<typeof ExportPortfolioInput>;

/** One funded task force's one-page summary for a site visit. */
export const SiteVisitSummaryInput = z.object({ taskForceSlug: taskForceSlugSchema });
export type SiteVisitSummaryInput = z.infer<typeof SiteVisitSummaryInput>;
