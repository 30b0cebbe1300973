import { z } from "zod";

export const ListAuditInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  before: z.date().optional(),
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;
