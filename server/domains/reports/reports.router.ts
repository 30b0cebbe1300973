import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { GenerateReportInput, ReportInput } from "./reports.schemas";
import { generateReport, getReport, listReportOptions } from "./reports.service";

export const reportsRouter = createRouter({
  options: taskForceProcedure("report.generate").query(({ ctx }) => listReportOptions(ctx.scope)),
  generate: taskForceProcedure("report.generate")
    .input(GenerateReportInput)
    .mutation(({ ctx, input }) => generateReport(ctx.scope, input)),
  get: taskForceProcedure("report.generate")
    .input(ReportInput)
    .query(({ ctx, input }) => getReport(ctx.scope, input)),
});
