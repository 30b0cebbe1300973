import { createRouter, funderProcedure } from "@/server/trpc/init";
import { getPortfolio } from "./funder.service";

export const funderRouter = createRouter({
  /** The signed-in person's funded task forces; empty for anyone without a funder membership. */
  portfolio: funderProcedure.query(({ ctx }) => getPortfolio(ctx.funder)),
});
