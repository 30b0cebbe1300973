import { z } from "zod";

export const ListNotificationsInput = z.object({ limit: z.number().int().min(1).max(100).default(50) });
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;

/** Either the listed notices or all of them. */
export const MarkNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;
