import { z } from "zod";
import { MOU_STATUSES } from "@/db/schema";
import { CalendarDate } from "@/server/lib/schemas";

export const MouInput = z.object({ mouId: z.uuid() });
export type MouInput = z.infer<typeof MouInput>;

const MouFields = z.object({
  title: z.string().trim().min(2).max(200),
  status: z.enum(MOU_STATUSES).default("draft"),
  signedOn: CalendarDate.nullable().default(null),
  effectiveOn: CalendarDate.nullable().default(null),
  expiresOn: CalendarDate.nullable().default(null),
  notes: z.string().trim().max(4000).default(""),
  sharedWithFunders: z.boolean().default(false),
  ownerUserId: z.uuid().nullable().default(null),
  partyOrganizationIds: z.array(z.uuid()).max(100),
  signatories: z.array(z.object({ userId: z.uuid(), signingTitle: z.string().trim().max(160).default("") })).max(50).default([]),
});

/** Rules a form can show next to the field at fault: two parties, dates in order, a signed MOU has its date. */
function checked<T extends z.ZodType<z.infer<typeof MouFields>>>(schema: T) {
  return schema
    .refine((value) => new Set(value.partyOrganizationIds).size >= 2, { error: "mouTwoParties", path: ["partyOrganizationIds"] })
    .refine((value) => !value.expiresOn || !value.effectiveOn || value.expiresOn >= value.effectiveOn, {
      error: "expiresBeforeEffective",
      path: ["expiresOn"],
    })
    .refine((value) => value.status !== "signed" || value.signedOn !== null, { error: "signedOnRequired", path: ["signedOn"] });
}

export const CreateMouInput = checked(MouFields);
export type CreateMouInput = z.infer<typeof CreateMouInput>;

export const UpdateMouInput = checked(MouFields.extend({ mouId: z.uuid() }));
export type UpdateMouInput = z.infer<typeof UpdateMouInput>;
