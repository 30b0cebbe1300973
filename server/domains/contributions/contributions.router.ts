import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  ExportInput,
  ImportCsvInput,
  PeriodInput,
  ReportInput,
  ReturnReportInput,
  SaveReportInput,
  UpdateSettingsInput,
} from "./contributions.schemas";
import { contributionsTemplate, exportContributions, importContributionsCsv } from "./contributions.files";
import {
  getContributionSettings,
  getReport,
  returnReport,
  saveReportDraft,
  sendPeriodReminders,
  submitReport,
  updateContributionSettings,
} from "./contributions.service";
import { getOverview, getSummary } from "./contributions.overview";
import { getPeriodTable } from "./contributions.views";

export const contributionsRouter = createRouter({
  settings: taskForceProcedure("contribution.read").query(({ ctx }) => getContributionSettings(ctx.scope)),
  updateSettings: taskForceProcedure("contribution.manage")
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateContributionSettings(ctx.scope, input)),
  overview: taskForceProcedure("contribution.read").query(({ ctx }) => getOverview(ctx.scope)),
  /** The dashboard's figures: this period's value and the last ended period's completeness. */
  summary: taskForceProcedure("contribution.read").query(({ ctx }) => getSummary(ctx.scope)),
  period: taskForceProcedure("contribution.read")
    .input(PeriodInput)
    .query(({ ctx, input }) => getPeriodTable(ctx.scope, input)),
  report: taskForceProcedure("contribution.submit")
    .input(ReportInput)
    .query(({ ctx, input }) => getReport(ctx.scope, input)),
  saveDraft: taskForceProcedure("contribution.submit")
    .input(SaveReportInput)
    .mutation(({ ctx, input }) => saveReportDraft(ctx.scope, input)),
  submit: taskForceProcedure("contribution.submit")
    .input(SaveReportInput)
    .mutation(({ ctx, input }) => submitReport(ctx.scope, input)),
  returnForCorrection: taskForceProcedure("contribution.manage")
    .input(ReturnReportInput)
    .mutation(({ ctx, input }) => returnReport(ctx.scope, input)),
  remind: taskForceProcedure("contribution.manage")
    .input(PeriodInput)
    .mutation(({ ctx, input }) => sendPeriodReminders(ctx.scope, input)),
  template: taskForceProcedure("contribution.submit")
    .input(PeriodInput)
    .query(({ ctx, input }) => contributionsTemplate(ctx.scope, input)),
  importCsv: taskForceProcedure("contribution.submit")
    .input(ImportCsvInput)
    .mutation(({ ctx, input }) => importContributionsCsv(ctx.scope, input)),
  export: taskForceProcedure("contribution.read")
    .input(ExportInput)
    .query(({ ctx, input }) => exportContributions(ctx.scope, input)),
});
