import { z } from "zod";
import { EmailAddress, NewPassword, PersonName } from "@/server/lib/schemas";

export const ChangePasswordInput = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: NewPassword })
  .refine((value) => value.currentPassword !== value.newPassword, { error: "passwordUnchanged", path: ["newPassword"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const RequestPasswordResetInput = z.object({ email: EmailAddress });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

export const TokenInput = z.object({ token: z.string().min(20).max(200) });
export type TokenInput = z.infer<typeof TokenInput>;

export const ResetPasswordInput = TokenInput.extend({ password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const IssueResetLinkInput = z.object({ userId: z.uuid() });
export type IssueResetLinkInput = z.infer<typeof IssueResetLinkInput>;

export const IssueResetLinkByEmailInput = z.object({ email: EmailAddress });
export type IssueResetLinkByEmailInput = z.infer<typeof IssueResetLinkByEmailInput>;

export const CompleteSetupInput = TokenInput.extend({ email: EmailAddress, name: PersonName, password: NewPassword });
export type CompleteSetupInput = z.infer<typeof CompleteSetupInput>;
