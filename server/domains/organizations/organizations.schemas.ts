import { z } from "zod";
import { DISCIPLINES } from "./disciplines";

export const CreateOrganizationInput = z.object({
  name: z.string().trim().min(2).max(160),
  primaryDiscipline: z.enum(DISCIPLINES),
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;
