import { z } from "zod";

/** Where the previous page ended: entries strictly older than this (time, then id) come next. */
export const AuditCursor = z.object({ createdAt: z.date(), id: z.uuid() });
export type AuditCursor = z.infer<typeof AuditCursor>;

export const ListAuditInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: AuditCursor.nullish(),
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;
