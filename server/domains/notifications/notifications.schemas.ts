import { z } from "zod";
import { NOTICE_DELIVERIES, NOTICE_TOPIC_NAMES } from "@/db/vocabulary/notices";

export const ListNotificationsInput = z.object({ limit: z.number().int().min(1).max(100).default(50) });
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;

/** Either the listed notices or all of them. */
export const MarkNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;

export const NoticePreferenceInput = z.object({
  topic: z.enum(NOTICE_TOPIC_NAMES),
  delivery: z.enum(NOTICE_DELIVERIES),
});
export type NoticePreferenceInput = z.infer<typeof NoticePreferenceInput>;
