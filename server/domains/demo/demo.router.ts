import { z } from "zod";
import { adminProcedure, createRouter, publicStatusProcedure } from "@/server/trpc/init";
import { demoOverview, demoStatus, removeDemoData } from "./demo.service";

/** The administrator ticks a confirmation: nothing is removed by a call without it. */
export const RemoveDemoInput = z.object({ confirm: z.literal(true, { error: "confirmRemoveDemo" }) });

export const demoRouter = createRouter({
  status: publicStatusProcedure.query(() => demoStatus()),
  overview: adminProcedure.query(() => demoOverview()),
  remove: adminProcedure.input(RemoveDemoInput).mutation(({ ctx }) => removeDemoData(ctx.user)),
});
