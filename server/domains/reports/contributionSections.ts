import { PROGRAM_CURRENCY, type ReportCell } from "@/db/schema";
import { dateInZone } from "@/server/lib/dates";
import { findGrant } from "@/server/domains/grants";
import { contributionMatchValue } from "@/server/domains/contributions/contributions.match";
import { toDollars } from "@/server/domains/contributions/contributions.rules";
import { sumSubmittedValues } from "@/server/domains/contributions";
import { SERVICE_TYPES, TRAINING_SECTORS } from "@/server/domains/contributions/contributions.measures";
import { shareOf, shownOf, sumShown, SUPPRESSED, type Shown } from "@/server/domains/privacy/suppression";
import { settingsOf } from "@/server/domains/contributions/contributions.service";
import { publicationsOf } from "@/server/domains/contributions/contributions.publications";
import { columnKey, SERVICES_TOTAL } from "@/server/domains/contributions/contributions.measures";
import { parsePeriod, periodContaining, previousPeriod, type Period } from "@/server/domains/contributions/periods";
import type { ReportContext, ReportSectionBuilder } from "./sections";

/*
 * The report's sections built from contribution reports: trainings, the contributions themselves
 * and the victim-related counts, which take the contribution periods' published (suppressed)
 * figures for every audience (see sections.ts).
 */

/**
 * The keys of the contribution periods (quarters or months, per the task force's settings) that lie
 * wholly within the reporting period — the same rule as the grant match (matchValue).
 */
async function contributionPeriodKeysWithin(db: ReportContext["db"], taskForceId: string, period: ReportContext["period"]) {
  const { periodLength } = await settingsOf(db, taskForceId);
  const keys: string[] = [];
  for (let candidate = periodContaining(period.end, periodLength); candidate.end >= period.start; candidate = previousPeriod(candidate)) {
    if (candidate.start >= period.start && candidate.end <= period.end) keys.unshift(candidate.key);
  }
  return keys;
}

/** Sums of the submitted contribution reports of the period, per measure and dimension. */
async function contributionSums({ db, taskForce, period }: ReportContext) {
  const rows = await sumSubmittedValues(db, taskForce.id, await contributionPeriodKeysWithin(db, taskForce.id, period));
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(`${row.measure}.${row.dimension}`, (sums.get(`${row.measure}.${row.dimension}`) ?? 0) + row.value);
  const total = (measure: string) => rows.filter((row) => row.measure === measure).reduce((sum, row) => sum + row.value, 0);
  return { of: (measure: string, dimension = "") => sums.get(`${measure}.${dimension}`) ?? 0, total };
}

/** Trainings delivered and people trained by the sector they work in, from submitted contribution reports. */
export const trainingsSection: ReportSectionBuilder = {
  key: "trainings",
  async build(context) {
    const { t } = context;
    const sums = await contributionSums(context);
    return {
      title: t("reports.sections.trainings"),
      sheetName: t("reports.sheets.trainings"),
      columns: [
        { key: "sector", header: t("reports.columns.sector"), type: "text" },
        { key: "peopleTrained", header: t("contributions.measures.peopleTrained"), type: "number", compare: "relative" },
      ],
      rows: TRAINING_SECTORS.filter((sector) => sums.of("peopleTrained", sector) > 0).map((sector) => ({
        sector: t(`disciplines.${sector}`),
        peopleTrained: sums.of("peopleTrained", sector),
      })),
      totals: [
        { label: t("contributions.measures.trainingsDelivered"), value: sums.total("trainingsDelivered"), compare: "relative" },
        { label: t("contributions.measures.peopleTrained"), value: sums.total("peopleTrained"), compare: "relative" },
      ],
    };
  },
};

/**
 * Contribution totals of the period and, since the award began, progress toward its match target.
 * The table holds money only (dollars; the match value comes in cents), so its columns are typed
 * as money and every export can say the currency once, in the heading; the period's counts and
 * hours and the share of the target reached are the section's totals.
 */
export const contributionsSection: ReportSectionBuilder = {
  key: "contributions",
  async build(context) {
    const { db, taskForce, grantId, period, t } = context;
    const grant = await findGrant(db, taskForce.id, grantId);
    const [sums, inPeriod, toDate] = await Promise.all([
      contributionSums(context),
      contributionMatchValue(db, { taskForceId: taskForce.id }, { from: period.start, to: period.end }),
      contributionMatchValue(db, { taskForceId: taskForce.id }, { from: grant?.periodStart ?? period.start, to: period.end }),
    ]);
    const valueRows = (
      [
        ["staffTimeValue", "staffTimeCents"],
        ["consultantTimeValue", "consultantTimeCents"],
        ["inKindValue", "inKindCents"],
        ["totalValue", "totalCents"],
      ] as const
    ).map(([label, field]) => ({ measure: t(`contributions.measures.${label}`), period: toDollars(inPeriod[field]), toDate: toDollars(toDate[field]) }));
    const target = grant?.matchTarget ?? null;
    const countTotals = (["staffHours", "consultantEngagements", "consultantPaidHours", "outreachEvents", "peopleReached"] as const).map((measure) => ({
      label: t("reports.totals.inPeriod", { measure: t(`contributions.measures.${measure}`) }),
      value: sums.total(measure),
      compare: "relative" as const,
    }));
    // Without a target there is no share to give: the figure is left out rather than shown as 0.
    // A percentage: its change is told in points, not in percent of itself.
    const shareTotal = target ? [{ label: t("reports.match.share"), value: Math.round((toDollars(toDate.totalCents) / target) * 1000) / 10, compare: "absolute" as const }] : [];
    return {
      title: t("reports.sections.contributions"),
      sheetName: t("reports.sheets.contributions"),
      columns: [
        { key: "measure", header: t("reports.columns.measure"), type: "text" },
        { key: "period", header: t("reports.columns.inPeriod", { currency: PROGRAM_CURRENCY }), type: "money", currency: PROGRAM_CURRENCY, compare: "relative" },
        // A running total: its change since the previous period's end is the period's own figure, beside it.
        { key: "toDate", header: t("reports.columns.sinceAwardStart", { currency: PROGRAM_CURRENCY }), type: "money", currency: PROGRAM_CURRENCY },
      ],
      rows: [...valueRows, { measure: t("reports.match.target"), period: null, toDate: target }],
      totals: [...countTotals, ...shareTotal],
    };
  },
};

/**
 * Victim-related counts of the period (persons identified, referrals, services by type), from the
 * published figures of the contribution periods within it (contributions.publications.ts): each sum
 * is shown only when every published part of it is, so the report never gives away a figure the
 * period pages hide (linked tables), and it counts nothing of a period not published yet. Shares of
 * the services total are hidden with the count or the total.
 */
export const victimCountsSection: ReportSectionBuilder = {
  key: "victimCounts",
  async build(context) {
    const { db, taskForce, period, now, t } = context;
    const keys = await contributionPeriodKeysWithin(db, taskForce.id, period);
    const periods = keys.map((key) => parsePeriod(key)).filter((candidate): candidate is Period => candidate !== null);
    const publications = [...(await publicationsOf(db, taskForce.id, periods, dateInZone(now, taskForce.timeZone), now)).values()].filter((publication) => publication !== null);
    const figure = (key: string): Shown => (publications.length === 0 ? SUPPRESSED : sumShown(publications.map((publication) => shownOf(publication.figures, key))));
    const cell = (shown: Shown): ReportCell => (shown.suppressed ? t("suppression.suppressed") : shown.value);
    const percent = (shown: Shown): ReportCell => (shown.suppressed ? t("suppression.suppressed") : Math.round(shown.value * 1000) / 10);
    const single = ["potentialVictimsIdentified", "confirmedVictimsIdentified", "referralsMade", "referralsReceived"] as const;
    const servicesTotal = figure(SERVICES_TOTAL);
    const serviceRows = SERVICE_TYPES.flatMap((type) => {
      const shown = figure(columnKey("services", type));
      // A type shown as 0 is left out of the list: 0 is shown by the rules, so leaving it out reveals nothing.
      if (!shown.suppressed && shown.value === 0) return [];
      return [{ measure: t("reports.victimCounts.service", { type: t(`contributions.serviceTypes.${type}`) }), count: cell(shown), share: percent(shareOf(shown, servicesTotal)) }];
    });
    return {
      title: t("reports.sections.victimCounts"),
      sheetName: t("reports.sheets.victimCounts"),
      columns: [
        { key: "measure", header: t("reports.columns.measure"), type: "text" },
        // Compared with the previous period's published figures, built here the same way: the same
        // numbers the funder sees of that period everywhere else, and a change only where both are shown.
        { key: "count", header: t("reports.columns.count"), type: "number", compare: "relative" },
        // A share moves with two counts at once; their own changes tell it.
        { key: "share", header: t("reports.columns.shareOfServices"), type: "number" },
      ],
      rows: [
        ...single.map((measure) => ({ measure: t(`contributions.measures.${measure}`), count: cell(figure(measure)), share: null })),
        ...serviceRows,
        { measure: t("contributions.measures.servicesTotal"), count: cell(servicesTotal), share: null },
      ],
      totals: [],
    };
  },
};
