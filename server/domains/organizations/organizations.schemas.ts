import { z } from "zod";
import { JURISDICTION_LEVELS, MEMBERSHIP_STATUSES, ORGANIZATION_ROLES } from "@/db/schema";
import { CalendarDate, EvidenceLink } from "@/server/lib/schemas";
import { DISCIPLINES } from "./disciplines";

export const CreateOrganizationInput = z.object({
  name: z.string().trim().min(2).max(160),
  primaryDiscipline: z.enum(DISCIPLINES),
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

export const OrganizationInput = z.object({ organizationId: z.uuid() });
export type OrganizationInput = z.infer<typeof OrganizationInput>;

/** The profile a member may edit for their own organization (role and status are the coordinator's). */
export const UpdateOrganizationProfileInput = z.object({
  organizationId: z.uuid(),
  primaryDiscipline: z.enum(DISCIPLINES),
  additionalDisciplines: z.array(z.enum(DISCIPLINES)).max(DISCIPLINES.length).default([]),
  jurisdictionLevel: z.enum(JURISDICTION_LEVELS).nullable(),
  address: z.string().trim().max(300).default(""),
  region: z.string().trim().max(120).default(""),
  website: EvidenceLink.nullable().default(null),
  /** Coordinators only: the organization's role in the task force. */
  taskForceRole: z.enum(ORGANIZATION_ROLES).optional(),
});
export type UpdateOrganizationProfileInput = z.infer<typeof UpdateOrganizationProfileInput>;

export const ChangeOrganizationStatusInput = z.object({
  organizationId: z.uuid(),
  status: z.enum(MEMBERSHIP_STATUSES),
  effectiveOn: CalendarDate,
  note: z.string().trim().max(1000).default(""),
});
export type ChangeOrganizationStatusInput = z.infer<typeof ChangeOrganizationStatusInput>;

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullable()
    .default(null);

export const AddContactInput = z
  .object({
    organizationId: z.uuid(),
    name: z.string().trim().min(1).max(120),
    title: z.string().trim().max(120).default(""),
    workEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(320)
      .pipe(z.union([z.literal(""), z.email({ error: "email" })]))
      .transform((value) => value || null)
      .nullable()
      .default(null),
    workPhone: OptionalText(40),
    isPrimary: z.boolean().default(false),
  })
  .refine((value) => value.workEmail !== null || value.workPhone !== null, { error: "contactReachable", path: ["workEmail"] });
export type AddContactInput = z.infer<typeof AddContactInput>;

export const RemoveContactInput = z.object({ organizationId: z.uuid(), contactId: z.uuid() });
export type RemoveContactInput = z.infer<typeof RemoveContactInput>;
