import { DISCIPLINES } from "@/server/domains/organizations/disciplines";

/*
 * What a member agency logs per period, as a typed catalog. Each measure is stored as rows of
 * (measure, dimension, value) in contribution_values, so sums over organizations and periods are one
 * GROUP BY. Counts are whole numbers, hours allow two decimals. Victim-related measures pass through
 * small-cell suppression before any funder sees them (../shared/domain/privacy.md).
 */

/** People trained are counted by the sector they work in; the sectors are the discipline taxonomy. */
export const TRAINING_SECTORS = DISCIPLINES;
export type TrainingSector = (typeof TRAINING_SECTORS)[number];

/** Optional service counts by type (picklist of ../shared/domain/members-and-measures.md). */
export const SERVICE_TYPES = [
  "caseManagement",
  "dependentChildren",
  "civilLegal",
  "clothing",
  "victimRightsBenefits",
  "criminalJustice",
  "crisisIntervention",
  "culturalCommunity",
  "dental",
  "disability",
  "education",
  "englishClasses",
  "financialLiteracy",
  "familyReunification",
  "food",
  "housing",
  "identityDocuments",
  "immigrationLegal",
  "interpretation",
  "medical",
  "mentalHealth",
  "substanceUse",
  "transportation",
  "employment",
  "other",
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Measures with one number per report. */
export const SIMPLE_MEASURES = [
  "staffHours",
  "trainingsDelivered",
  "outreachEvents",
  "peopleReached",
  "referralsMade",
  "referralsReceived",
  "consultantEngagements",
  "consultantPaidHours",
  "potentialVictimsIdentified",
  "confirmedVictimsIdentified",
] as const;
export type SimpleMeasure = (typeof SIMPLE_MEASURES)[number];

/** Measures with one number per sector or service type. */
export const DIMENSIONED_MEASURES = ["peopleTrained", "services"] as const;
export type DimensionedMeasure = (typeof DIMENSIONED_MEASURES)[number];
export type MeasureKey = SimpleMeasure | DimensionedMeasure;

export const DIMENSIONS_OF: Record<DimensionedMeasure, readonly string[]> = {
  peopleTrained: TRAINING_SECTORS,
  services: SERVICE_TYPES,
};

/** Hours allow two decimals; everything else is a count of events or people (whole numbers). */
export const HOUR_MEASURES: ReadonlySet<MeasureKey> = new Set(["staffHours", "consultantPaidHours"]);

/**
 * Counts about people a task force serves (potential vs. confirmed persons identified, services,
 * referrals): small cells are suppressed in funder views and exports.
 */
export const VICTIM_RELATED_MEASURES: ReadonlySet<MeasureKey> = new Set([
  "potentialVictimsIdentified",
  "confirmedVictimsIdentified",
  "referralsMade",
  "referralsReceived",
  "services",
]);

/** One column of the contributions table (screen, CSV template, import, export) in a fixed order. */
export interface MeasureColumn {
  /** Column name in CSV files: snake_case, stable. */
  csv: string;
  measure: MeasureKey;
  /** Sector or service type; "" for a simple measure. */
  dimension: string;
  hours: boolean;
  victimRelated: boolean;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function column(measure: MeasureKey, dimension = ""): MeasureColumn {
  return {
    csv: dimension ? `${snake(measure)}_${snake(dimension)}` : snake(measure),
    measure,
    dimension,
    hours: HOUR_MEASURES.has(measure),
    victimRelated: VICTIM_RELATED_MEASURES.has(measure),
  };
}

export const MEASURE_COLUMNS: readonly MeasureColumn[] = [
  column("staffHours"),
  column("trainingsDelivered"),
  ...TRAINING_SECTORS.map((sector) => column("peopleTrained", sector)),
  column("outreachEvents"),
  column("peopleReached"),
  column("referralsMade"),
  column("referralsReceived"),
  column("consultantEngagements"),
  column("consultantPaidHours"),
  column("potentialVictimsIdentified"),
  column("confirmedVictimsIdentified"),
  ...SERVICE_TYPES.map((type) => column("services", type)),
];

export const columnKey = (measure: string, dimension: string) => (dimension ? `${measure}.${dimension}` : measure);

/** Columns of the contributions table: the measures, the services total, and the values in cents. */
export interface TableColumn {
  key: string;
  csv: string;
  kind: "count" | "hours" | "money";
  measure: string;
  dimension: string;
  victimRelated: boolean;
}

const measureColumn = (column: MeasureColumn): TableColumn => ({
  key: columnKey(column.measure, column.dimension),
  csv: column.csv,
  kind: column.hours ? "hours" : "count",
  measure: column.measure,
  dimension: column.dimension,
  victimRelated: column.victimRelated,
});
const money = (key: string, csv: string): TableColumn => ({ key, csv, kind: "money", measure: key, dimension: "", victimRelated: false });

export const SERVICES_TOTAL = "services.total";
export const TABLE_COLUMNS: readonly TableColumn[] = [
  ...MEASURE_COLUMNS.map(measureColumn),
  { key: SERVICES_TOTAL, csv: "services_total", kind: "count", measure: "services", dimension: "total", victimRelated: true },
  money("inKindValue", "in_kind_value"),
  money("staffTimeValue", "staff_time_value"),
  money("consultantTimeValue", "consultant_time_value"),
  money("totalValue", "total_value"),
];
