import { adminProcedure, authedProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CreateTaskForceInput, InviteCoordinatorInput, UpdateTaskForceInput } from "./taskForces.schemas";
import { ImportTaskForceArchiveInput } from "@/server/domains/taskForceArchive/archive.schemas";
import { exportTaskForce, importTaskForceArchive } from "@/server/domains/taskForceArchive/archive.service";
import {
  createTaskForce,
  getTaskForce,
  inviteCoordinator,
  listMyTaskForces,
  listTaskForcesForAdmin,
  updateTaskForceSettings,
} from "./taskForces.service";

export const taskForcesRouter = createRouter({
  mine: authedProcedure.query(({ ctx }) => listMyTaskForces(ctx.user)),
  get: taskForceProcedure("taskForce.read").query(({ ctx }) => getTaskForce(ctx.scope)),
  update: taskForceProcedure("taskForce.update")
    .input(UpdateTaskForceInput)
    .mutation(({ ctx, input }) => updateTaskForceSettings(ctx.scope, input)),
  /** The whole task force as one archive (a mutation: it writes an audit entry). */
  export: taskForceProcedure("taskForce.export").mutation(({ ctx }) => exportTaskForce(ctx.scope)),
});

export const adminTaskForcesRouter = createRouter({
  list: adminProcedure.query(() => listTaskForcesForAdmin()),
  create: adminProcedure.input(CreateTaskForceInput).mutation(({ ctx, input }) => createTaskForce(ctx.user, input)),
  inviteCoordinator: adminProcedure
    .input(InviteCoordinatorInput)
    .mutation(({ ctx, input }) => inviteCoordinator(ctx.user, input)),
  import: adminProcedure
    .input(ImportTaskForceArchiveInput)
    .mutation(({ ctx, input }) => importTaskForceArchive(ctx.user, { archive: Buffer.from(input.archiveBase64, "base64"), slug: input.slug })),
});
