import { z } from "zod";
import { PROTOCOL_STATUSES, PROTOCOL_TOPICS } from "@/db/schema";
import { CalendarDate } from "@/server/lib/schemas";

const ProtocolFields = z.object({
  topic: z.enum(PROTOCOL_TOPICS),
  /** Required for "other"; optional wording for the IACP topics. */
  title: z.string().trim().max(200).default(""),
  status: z.enum(PROTOCOL_STATUSES).default("draft"),
  adoptedOn: CalendarDate.nullable().default(null),
  nextReviewOn: CalendarDate.nullable().default(null),
  notes: z.string().trim().max(4000).default(""),
  sharedWithFunders: z.boolean().default(false),
});

function checked<T extends z.ZodType<z.infer<typeof ProtocolFields>>>(schema: T) {
  return schema
    .refine((value) => value.topic !== "other" || value.title.length > 0, { error: "protocolTitleRequired", path: ["title"] })
    .refine((value) => value.status === "draft" || value.adoptedOn !== null, { error: "adoptedOnRequired", path: ["adoptedOn"] })
    .refine((value) => !value.adoptedOn || !value.nextReviewOn || value.nextReviewOn > value.adoptedOn, {
      error: "reviewBeforeAdoption",
      path: ["nextReviewOn"],
    });
}

export const CreateProtocolInput = checked(ProtocolFields);
export type CreateProtocolInput = z.infer<typeof CreateProtocolInput>;

export const UpdateProtocolInput = checked(ProtocolFields.extend({ protocolId: z.uuid() }));
export type UpdateProtocolInput = z.infer<typeof UpdateProtocolInput>;
