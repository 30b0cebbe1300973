import { z } from "zod";
import { EmailAddress, NewPassword, PersonName, RoleAssignment } from "@/server/lib/schemas";
import { SUPPORTED_LOCALES } from "@/server/lib/translate";

/** The invitee's language, when the inviter chose one: English without. */
const InvitationLanguage = z.object({ locale: z.enum(SUPPORTED_LOCALES).optional() });

export const CreateInvitationInput = z.object({ email: EmailAddress }).and(RoleAssignment).and(InvitationLanguage);
export type CreateInvitationInput = z.infer<typeof CreateInvitationInput>;

/** Addresses as pasted: separated by commas, semicolons, spaces or new lines (split and checked by the service). */
export const CreateInvitationsInput = z.object({ emails: z.string().trim().min(1).max(20_000) }).and(RoleAssignment).and(InvitationLanguage);
export type CreateInvitationsInput = z.infer<typeof CreateInvitationsInput>;

export const RevokeInvitationInput = z.object({ invitationId: z.uuid() });
export type RevokeInvitationInput = z.infer<typeof RevokeInvitationInput>;

export const InvitationTokenInput = z.object({ token: z.string().min(20).max(200) });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>;

export const AcceptWithNewAccountInput = InvitationTokenInput.extend({ name: PersonName, password: NewPassword });
export type AcceptWithNewAccountInput = z.infer<typeof AcceptWithNewAccountInput>;
