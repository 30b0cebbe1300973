import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { ImportFileInput, ImportTemplateInput } from "./onboarding.schemas";
import { applyImport, importTemplateFile, previewImport } from "./onboarding.service";

export const onboardingRouter = createRouter({
  template: taskForceProcedure("organization.manage")
    .input(ImportTemplateInput)
    .query(({ ctx, input }) => importTemplateFile(input, ctx.locale)),
  // A mutation although it writes nothing: a file does not belong in a GET request's address.
  preview: taskForceProcedure("organization.manage")
    .input(ImportFileInput)
    .mutation(({ ctx, input }) => previewImport(ctx.scope, input)),
  confirm: taskForceProcedure("organization.manage")
    .input(ImportFileInput)
    .mutation(({ ctx, input }) => applyImport(ctx.scope, input, ctx.baseUrl)),
});
