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
