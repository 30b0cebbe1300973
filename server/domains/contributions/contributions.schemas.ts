import { z } from "zod";
import { CONTRIBUTION_PERIOD_LENGTHS } from "@/db/schema";
import { SERVICE_TYPES, TRAINING_SECTORS } from "./contributions.measures";
import { hasAtMostTwoDecimals, MAX_FIGURE, MAX_IN_KIND_DESCRIPTION, MAX_IN_KIND_ITEMS } from "./contributions.check";
import { PERIOD_KEY_PATTERN } from "./periods";

/** "2026-Q3" or "2026-09". Whether it has started is checked against the task force's calendar. */
export const PeriodKey = z.string().trim().regex(PERIOD_KEY_PATTERN, { error: "periodFormat" });

/** A count of events or people: a whole number from 0. */
export const Count = z.number().int({ error: "wholeNumber" }).min(0).max(MAX_FIGURE);
/** Hours or dollars: from 0, at most two decimals. */
export const Amount = z.number().min(0).max(MAX_FIGURE).refine(hasAtMostTwoDecimals, { error: "twoDecimals" });

export const SimpleValues = z.object({
  staffHours: Amount.optional(),
  trainingsDelivered: Count.optional(),
  outreachEvents: Count.optional(),
  peopleReached: Count.optional(),
  referralsMade: Count.optional(),
  referralsReceived: Count.optional(),
  consultantEngagements: Count.optional(),
  consultantPaidHours: Amount.optional(),
  potentialVictimsIdentified: Count.optional(),
  confirmedVictimsIdentified: Count.optional(),
});
export type SimpleValues = z.infer<typeof SimpleValues>;

export const InKindItem = z.object({
  description: z.string().trim().min(1).max(MAX_IN_KIND_DESCRIPTION),
  /** Estimated value in dollars. */
  value: Amount,
});

export const ReportContent = z.object({
  values: SimpleValues.default({}),
  peopleTrained: z.partialRecord(z.enum(TRAINING_SECTORS), Count).default({}),
  services: z.partialRecord(z.enum(SERVICE_TYPES), Count).default({}),
  inKind: z.array(InKindItem).max(MAX_IN_KIND_ITEMS).default([]),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const ReportInput = z.object({
  period: PeriodKey,
  /** Members may leave it out (their own organization); coordinators name one. */
  organizationId: z.uuid().optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

export const SaveReportInput = ReportContent.extend({
  period: PeriodKey,
  organizationId: z.uuid(),
  /** The version the form was loaded with; null for a report not yet saved. */
  version: z.number().int().min(1).nullable(),
});
export type SaveReportInput = z.infer<typeof SaveReportInput>;

export const ReturnReportInput = z.object({
  reportId: z.uuid(),
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(1000),
});
export type ReturnReportInput = z.infer<typeof ReturnReportInput>;

export const PeriodInput = z.object({ period: PeriodKey });
export type PeriodInput = z.infer<typeof PeriodInput>;

export const UpdateSettingsInput = z.object({
  periodLength: z.enum(CONTRIBUTION_PERIOD_LENGTHS),
  /** Dollars per hour. */
  staffHourlyRate: Amount.max(10_000),
  consultantHourlyRate: Amount.max(10_000),
  dueDays: z.number().int({ error: "wholeNumber" }).min(0).max(366),
});
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;

/** 1 MB of CSV is thousands of organizations: far more than any task force has. */
export const MAX_CSV_LENGTH = 1_000_000;

export const ImportCsvInput = z.object({
  period: PeriodKey,
  csv: z.string().min(1).max(MAX_CSV_LENGTH, { error: "csvTooLarge" }),
});
export type ImportCsvInput = z.infer<typeof ImportCsvInput>;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const ExportInput = z.object({ period: PeriodKey, format: z.enum(EXPORT_FORMATS) });
export type ExportInput = z.infer<typeof ExportInput>;
