import { z } from "zod";

const CommitteeFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(""),
  chairOrganizationId: z.uuid().nullable().default(null),
  chairUserId: z.uuid().nullable().default(null),
};

export const CreateCommitteeInput = z.object(CommitteeFields);
export type CreateCommitteeInput = z.infer<typeof CreateCommitteeInput>;

export const UpdateCommitteeInput = z.object({ committeeId: z.uuid(), ...CommitteeFields });
export type UpdateCommitteeInput = z.infer<typeof UpdateCommitteeInput>;

export const CommitteeMemberInput = z.object({ committeeId: z.uuid(), userId: z.uuid() });
export type CommitteeMemberInput = z.infer<typeof CommitteeMemberInput>;
