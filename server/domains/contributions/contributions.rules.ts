import { HOUR_MEASURES, SIMPLE_MEASURES, type MeasureKey } from "./contributions.measures";
import type { ReportContent } from "./contributions.schemas";
import type { PeriodLength } from "./periods";

/** What a task force uses until a coordinator saves its contribution settings. */
export const DEFAULT_CONTRIBUTION_SETTINGS = {
  periodLength: "quarter" as PeriodLength,
  staffHourlyRateCents: 0,
  consultantHourlyRateCents: 0,
  dueDays: 30,
};
export type ContributionSettings = typeof DEFAULT_CONTRIBUTION_SETTINGS;

export const toCents = (dollars: number) => Math.round(dollars * 100);
export const toDollars = (cents: number) => cents / 100;

/** The value of hours at an hourly rate, in whole cents. */
export const hoursValueCents = (hours: number, rateCents: number) => Math.round(hours * rateCents);

/** What one contribution period's submitted reports hold toward a grant match. */
export interface MatchInputs {
  periodStart: string;
  periodEnd: string;
  staffHours: number;
  consultantPaidHours: number;
  inKindCents: number;
}

/**
 * What contributions are worth toward a grant's match between `from` and `to` (calendar dates,
 * inclusive): in-kind estimated value + staff hours × the staff rate + paid survivor-consultant
 * hours × the consultant rate, at the given (the task force's current) rates, over the periods
 * that lie wholly within the range. Amounts in whole cents.
 */
export function matchValue(periods: readonly MatchInputs[], rates: Pick<ContributionSettings, "staffHourlyRateCents" | "consultantHourlyRateCents">, range: { from: string; to: string }) {
  const within = periods.filter((period) => range.from <= period.periodStart && period.periodEnd <= range.to);
  const sum = (field: "staffHours" | "consultantPaidHours" | "inKindCents") => within.reduce((total, period) => total + period[field], 0);
  const staffHours = sum("staffHours");
  const consultantPaidHours = sum("consultantPaidHours");
  const inKindCents = sum("inKindCents");
  const staffTimeCents = hoursValueCents(staffHours, rates.staffHourlyRateCents);
  const consultantTimeCents = hoursValueCents(consultantPaidHours, rates.consultantHourlyRateCents);
  return { staffHours, consultantPaidHours, inKindCents, staffTimeCents, consultantTimeCents, totalCents: inKindCents + staffTimeCents + consultantTimeCents };
}

export type MatchValue = ReturnType<typeof matchValue>;

export interface StoredValue {
  measure: string;
  dimension: string;
  value: number;
}

/** A form's content as stored rows: one per measure (and sector or service type) that was filled in. */
export function contentToRows(content: ReportContent): { values: StoredValue[]; inKind: { description: string; estimatedValueCents: number }[] } {
  const values: StoredValue[] = [];
  for (const measure of SIMPLE_MEASURES) {
    const value = content.values[measure];
    if (value !== undefined) values.push({ measure, dimension: "", value });
  }
  for (const [sector, value] of Object.entries(content.peopleTrained)) {
    if (value !== undefined) values.push({ measure: "peopleTrained", dimension: sector, value });
  }
  for (const [type, value] of Object.entries(content.services)) {
    if (value !== undefined) values.push({ measure: "services", dimension: type, value });
  }
  return {
    values,
    inKind: content.inKind.map((item) => ({ description: item.description, estimatedValueCents: toCents(item.value) })),
  };
}

/** Stored rows back in the form's shape. */
export function rowsToContent(values: StoredValue[], inKind: { description: string; estimatedValueCents: number }[]): ReportContent {
  const content: ReportContent = { values: {}, peopleTrained: {}, services: {}, inKind: [] };
  for (const row of values) {
    if (row.measure === "peopleTrained") (content.peopleTrained as Record<string, number>)[row.dimension] = row.value;
    else if (row.measure === "services") (content.services as Record<string, number>)[row.dimension] = row.value;
    else if ((SIMPLE_MEASURES as readonly string[]).includes(row.measure)) (content.values as Record<string, number>)[row.measure] = row.value;
  }
  content.inKind = inKind.map((item) => ({ description: item.description, value: toDollars(item.estimatedValueCents) }));
  return content;
}

/** The content as flat "measure" / "measure.dimension" → value pairs, for the audit log. */
export function flatContent(content: ReportContent): Record<string, unknown> {
  const rows = contentToRows(content);
  return {
    ...Object.fromEntries(rows.values.map((row) => [row.dimension ? `${row.measure}.${row.dimension}` : row.measure, row.value])),
    inKind: content.inKind,
  };
}

export const isHours = (measure: MeasureKey) => HOUR_MEASURES.has(measure);

export interface CompletenessInput {
  expected: number;
  statuses: { status: "draft" | "submitted" | "returned"; late: boolean }[];
}

/** Reporting rate (submitted of expected) and on-time rate (submitted on time of expected), 0..1. */
export function completenessOf({ expected, statuses }: CompletenessInput) {
  const submitted = statuses.filter((row) => row.status === "submitted");
  const onTime = submitted.filter((row) => !row.late).length;
  return {
    expected,
    submitted: submitted.length,
    onTime,
    late: submitted.length - onTime,
    returned: statuses.filter((row) => row.status === "returned").length,
    drafts: statuses.filter((row) => row.status === "draft").length,
    missing: Math.max(0, expected - submitted.length),
    reportingRate: expected === 0 ? 0 : submitted.length / expected,
    onTimeRate: expected === 0 ? 0 : onTime / expected,
  };
}
