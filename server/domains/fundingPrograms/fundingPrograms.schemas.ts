import { z } from "zod";
import { EmailAddress } from "@/server/lib/schemas";

export const CreateFundingProgramInput = z.object({
  name: z.string().trim().min(3).max(160),
  funderOrganization: z.string().trim().min(2).max(160),
  description: z.string().trim().max(2000).default(""),
});
export type CreateFundingProgramInput = z.infer<typeof CreateFundingProgramInput>;

/** An administrator gives the program to a funder's program officer: an existing account, by its email. */
export const AddProgramFunderInput = z.object({ programId: z.uuid(), email: EmailAddress });
export type AddProgramFunderInput = z.infer<typeof AddProgramFunderInput>;

export const RemoveProgramFunderInput = z.object({ programId: z.uuid(), userId: z.uuid() });
export type RemoveProgramFunderInput = z.infer<typeof RemoveProgramFunderInput>;

/** An administrator puts a task force into a program, or takes it out. */
export const ProgramTaskForceInput = z.object({ programId: z.uuid(), taskForceId: z.uuid() });
export type ProgramTaskForceInput = z.infer<typeof ProgramTaskForceInput>;

/** A coordinator puts their own task force (the procedure's) into a program, or takes it out. */
export const ProgramOfTaskForceInput = z.object({ programId: z.uuid() });
export type ProgramOfTaskForceInput = z.infer<typeof ProgramOfTaskForceInput>;
