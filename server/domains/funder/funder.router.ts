import { createRouter, funderProcedure, fundersOnlyProcedure } from "@/server/trpc/init";
import { exportPortfolio } from "./funder.export";
import { ExportPortfolioInput, SiteVisitSummaryInput } from "./funder.schemas";
import { getPortfolio, getSiteVisitSummary } from "./funder.service";

export const funderRouter = createRouter({
  /** The signed-in person's funded task forces; empty for someone who funds none (by membership or funding program). */
  portfolio: funderProcedure.query(({ ctx }) => getPortfolio(ctx.funder)),
  /** The portfolio's tables as a file (the /funder/export download); funders only. */
  export: fundersOnlyProcedure.input(ExportPortfolioInput).query(({ ctx, input }) => exportPortfolio(ctx.funder, input)),
  /** One funded task force's row, for its printable site-visit summary; every other task force is not found. */
  summary: fundersOnlyProcedure.input(SiteVisitSummaryInput).query(({ ctx, input }) => getSiteVisitSummary(ctx.funder, input.taskForceSlug)),
});
