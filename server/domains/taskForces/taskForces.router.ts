import { adminProcedure, authedProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CreateTaskForceInput, InviteCoordinatorInput, UpdateTaskForceInput } from "./taskForces.schemas";
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
});

export const adminTaskForcesRouter = createRouter({
  list: adminProcedure.query(() => listTaskForcesForAdmin()),
  create: adminProcedure.input(CreateTaskForceInput).mutation(({ ctx, input }) => createTaskForce(ctx.user, input, ctx.baseUrl)),
  inviteCoordinator: adminProcedure
    .input(InviteCoordinatorInput)
    .mutation(({ ctx, input }) => inviteCoordinator(ctx.user, input, ctx.baseUrl)),
});
