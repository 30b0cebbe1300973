import { adminProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  AddProgramFunderInput,
  CreateFundingProgramInput,
  ProgramOfTaskForceInput,
  ProgramTaskForceInput,
  RemoveProgramFunderInput,
} from "./fundingPrograms.schemas";
import {
  addProgramFunder,
  addTaskForceByAdmin,
  createFundingProgram,
  joinProgram,
  leaveProgram,
  listProgramsForAdmin,
  listProgramsForTaskForce,
  removeProgramFunder,
  removeTaskForceByAdmin,
} from "./fundingPrograms.service";

/** A task force's coordinators put it into funding programs and take it out (its settings page). */
export const fundingProgramsRouter = createRouter({
  list: taskForceProcedure("fundingProgram.manage").query(({ ctx }) => listProgramsForTaskForce(ctx.scope)),
  join: taskForceProcedure("fundingProgram.manage")
    .input(ProgramOfTaskForceInput)
    .mutation(({ ctx, input }) => joinProgram(ctx.scope, input)),
  leave: taskForceProcedure("fundingProgram.manage")
    .input(ProgramOfTaskForceInput)
    .mutation(({ ctx, input }) => leaveProgram(ctx.scope, input)),
});

/** Administrators create programs, give them to funders and put task forces in or out. */
export const adminFundingProgramsRouter = createRouter({
  list: adminProcedure.query(() => listProgramsForAdmin()),
  create: adminProcedure.input(CreateFundingProgramInput).mutation(({ ctx, input }) => createFundingProgram(ctx.user, input)),
  addFunder: adminProcedure.input(AddProgramFunderInput).mutation(({ ctx, input }) => addProgramFunder(ctx.user, input)),
  removeFunder: adminProcedure.input(RemoveProgramFunderInput).mutation(({ ctx, input }) => removeProgramFunder(ctx.user, input)),
  addTaskForce: adminProcedure.input(ProgramTaskForceInput).mutation(({ ctx, input }) => addTaskForceByAdmin(ctx.user, input)),
  removeTaskForce: adminProcedure.input(ProgramTaskForceInput).mutation(({ ctx, input }) => removeTaskForceByAdmin(ctx.user, input)),
});
