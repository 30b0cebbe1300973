import { z } from "zod";
import { RoleAssignment } from "@/server/lib/schemas";

export const UpdateMembershipInput = z
  .object({ membershipId: z.uuid() })
  .and(RoleAssignment);
export type UpdateMembershipInput = z.infer<typeof UpdateMembershipInput>;

export const EndMembershipInput = z.object({ membershipId: z.uuid() });
export type EndMembershipInput = z.infer<typeof EndMembershipInput>;
