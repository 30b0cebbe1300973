import { createRouter, funderProcedure } from "@/server/trpc/init";
import { getPortfolio } from "./funder.service";

export const funderRouter = createRouter({
  /** The signed-in person's funded task forces; empty for someone who funds none (by membership or funding program). */
  portfolio: funderProcedure.query(({ ctx }) => getPortfolio(ctx.funder)),
});
