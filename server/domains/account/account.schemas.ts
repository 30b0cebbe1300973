import { z } from "zod";
import { NewPassword } from "@/server/domains/people/people.schemas";

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword })
  .refine((value) => value.currentPassword !== value.newPassword, { error: "passwordUnchanged", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
