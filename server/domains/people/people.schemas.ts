import { z } from "zod";
import { TASK_FORCE_ROLES } from "@/db/schema";

export const EmailAddress = z.string().trim().toLowerCase().max(320).pipe(z.email({ error: "email" }));
export const NewPassword = z.string().min(12).max(200);
export const PersonName = z.string().trim().min(1).max(120);
export const TaskForceRoleInput = z.enum(TASK_FORCE_ROLES);

/** A `member` works for a member agency, so the organization is required for that role only. */
export const RoleAssignment = z
  .object({ role: TaskForceRoleInput, organizationId: z.uuid().nullish() })
  .refine((value) => value.role !== "member" || Boolean(value.organizationId), {
    error: "organizationRequired",
    path: ["organizationId"],
  });

export const UpdateMembershipInput = z
  .object({ membershipId: z.uuid() })
  .and(RoleAssignment);
export type UpdateMembershipInput = z.infer<typeof UpdateMembershipInput>;

export const EndMembershipInput = z.object({ membershipId: z.uuid() });
export type EndMembershipInput = z.infer<typeof EndMembershipInput>;

export const HandoffOverviewInput = z.object({ userId: z.uuid() });
export type HandoffOverviewInput = z.infer<typeof HandoffOverviewInput>;

export const HandOffInput = z.object({ fromUserId: z.uuid(), toUserId: z.uuid({ error: "chooseSuccessor" }) });
export type HandOffInput = z.infer<typeof HandOffInput>;
