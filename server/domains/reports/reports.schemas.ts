import { z } from "zod";
import { CalendarDate } from "@/server/lib/schemas";

/** A reporting period is named by its award and its last day (periods of an award never share one). */
export const GenerateReportInput = z.object({ grantId: z.uuid(), periodEnd: CalendarDate });
export type GenerateReportInput = z.infer<typeof GenerateReportInput>;

export const ReportInput = z.object({ reportId: z.uuid() });
export type ReportInput = z.infer<typeof ReportInput>;
