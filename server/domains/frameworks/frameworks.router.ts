import { adminProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  ChooseFrameworkInput,
  FrameworkVersionInput,
  ImportFrameworkInput,
  ListFrameworkVersionsInput,
  SaveFrameworkVersionInput,
} from "./frameworks.schemas";
import {
  chooseFramework,
  exportFrameworkVersion,
  getFrameworkOfTaskForce,
  getFrameworkOutlineOfTaskForce,
  getFrameworkVersion,
  importFramework,
  listAvailableFrameworks,
  listFrameworks,
  listFrameworkVersions,
  saveFrameworkVersion,
} from "./frameworks.service";

export const frameworksRouter = createRouter({
  // Platform administration: frameworks are shared by every task force.
  list: adminProcedure.query(({ ctx }) => listFrameworks(ctx.locale)),
  versions: adminProcedure.input(ListFrameworkVersionsInput).query(({ ctx, input }) => listFrameworkVersions(input, ctx.locale)),
  get: adminProcedure.input(FrameworkVersionInput).query(({ ctx, input }) => getFrameworkVersion(input, ctx.locale)),
  export: adminProcedure.input(FrameworkVersionInput).query(({ input }) => exportFrameworkVersion(input)),
  import: adminProcedure.input(ImportFrameworkInput).mutation(({ ctx, input }) => importFramework(ctx.user, input)),
  saveVersion: adminProcedure.input(SaveFrameworkVersionInput).mutation(({ ctx, input }) => saveFrameworkVersion(ctx.user, input)),
  // A task force's side: read the framework it assesses against; coordinators choose it.
  forTaskForce: taskForceProcedure("assessment.read").query(({ ctx }) => getFrameworkOfTaskForce(ctx.scope)),
  outline: taskForceProcedure("assessment.read").query(({ ctx }) => getFrameworkOutlineOfTaskForce(ctx.scope)),
  available: taskForceProcedure("taskForce.update").query(({ ctx }) => listAvailableFrameworks(ctx.scope)),
  choose: taskForceProcedure("taskForce.update")
    .input(ChooseFrameworkInput)
    .mutation(({ ctx, input }) => chooseFramework(ctx.scope, input)),
});
