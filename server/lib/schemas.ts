import { z } from "zod";
import { TASK_FORCE_ROLES } from "@/db/vocabulary/roles";

/*
 * Input types that several domains share (the shared kernel's schemas): each domain's own
 * `<area>.schemas.ts` builds its inputs from these, so a date or a link is checked the same way
 * wherever it is typed.
 */

/** A calendar date as YYYY-MM-DD (the task force's local date; no time, no zone). */
export const CalendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateFormat" })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: "dateFormat" });

/** A link to evidence: an http(s) address, at most 2000 characters. */
export const EvidenceLink = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "httpLink" }));

export const MAX_EVIDENCE_LINKS = 10;

/** A roadmap element's key, such as "A.information-sharing". */
export const ElementKey = z.string().trim().min(1).max(100);

/** A stage of development, 1 to 5. */
export const StageNumber = z.number().int().min(1).max(5);

/** The version of a record a form was loaded with, for optimistic concurrency (db/rows.ts updateVersioned). */
export const Version = z.number().int().min(1);

/** An email address as accounts and invitations keep it: trimmed and in lower case. */
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
