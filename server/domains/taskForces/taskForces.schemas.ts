import { z } from "zod";
import { EmailAddress } from "@/server/lib/schemas";
import { TASK_FORCE_SLUG_PATTERN } from "@/server/trpc/init";

/** IANA time zones this runtime knows; a typo such as "America/NewYork" is refused. */
export const TimeZone = z
  .string()
  .trim()
  .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", { error: "timeZone" });

export const TaskForceSettings = z.object({ name: z.string().trim().min(3).max(160), timeZone: TimeZone });

export const UpdateTaskForceInput = TaskForceSettings;
export type UpdateTaskForceInput = z.infer<typeof UpdateTaskForceInput>;

export const CreateTaskForceInput = TaskForceSettings.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(48)
    .regex(TASK_FORCE_SLUG_PATTERN, { error: "slugFormat" }),
  coordinatorEmail: EmailAddress,
});
export type CreateTaskForceInput = z.infer<typeof CreateTaskForceInput>;

export const InviteCoordinatorInput = z.object({ taskForceId: z.uuid(), email: EmailAddress });
export type InviteCoordinatorInput = z.infer<typeof InviteCoordinatorInput>;
