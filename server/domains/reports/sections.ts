import type { createTranslator } from "next-intl";
import type { Database } from "@/db/client";
import type { ReportSectionContent } from "@/db/schema";
import type messages from "@/app/i18n/messages/en.json";
import type { TaskForceScope } from "@/server/trpc/context";
import { areaTrendOf } from "@/server/domains/assessments/assessments.service";
import { isOpenGapStatus } from "@/server/domains/gaps/gaps.rules";
import { getGrant } from "@/server/domains/grants/grants.service";
import type { ReportingPeriod } from "@/server/domains/grants/grants.rules";
import { listGapsOfPeriod } from "./reports.queries";

/*
 * The progress report is a list of sections; each builder turns live data into one table (one
 * sheet in the XLSX, one CSV, one part of the print view). The meetings, organizations and
 * contributions parts add their sections (attendance by discipline, trainings, contributions and
 * match progress, MOUs and protocols) as entries of REPORT_SECTIONS.
 *
 * Privacy: a section with victim-related counts must pass them through the small-cell suppression
 * function (server/domains/privacy/suppression.ts) when `context.audience` is "funder", inside its
 * build(), so no unsuppressed value is ever stored or exported. The sections below hold no such
 * counts: requirement statuses, roadmap stages and gaps describe how the task force works.
 */

export type ReportTranslator = ReturnType<typeof createTranslator<typeof messages>>;

export interface ReportContext {
  db: Database;
  /** The caller: evidence and records follow what they may see. */
  scope: TaskForceScope;
  taskForce: { id: string; slug: string; name: string; timeZone: string };
  grantId: string;
  period: ReportingPeriod;
  audience: "internal" | "funder";
  now: Date;
  t: ReportTranslator;
}

export interface ReportSectionBuilder {
  key: string;
  build(context: ReportContext): Promise<Omit<ReportSectionContent, "key">>;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

const requirementsSection: ReportSectionBuilder = {
  key: "requirements",
  async build({ scope, grantId, now, t }) {
    const { requirements, progress } = await getGrant(scope, { grantId }, now);
    return {
      title: t("reports.sections.requirements"),
      columns: [
        { key: "title", header: t("reports.columns.requirement"), type: "text" },
        { key: "status", header: t("reports.columns.status"), type: "text" },
        { key: "basis", header: t("reports.columns.basis"), type: "text" },
        { key: "owner", header: t("reports.columns.owner"), type: "text" },
        { key: "dueOn", header: t("reports.columns.dueOn"), type: "date" },
        { key: "evidenceCount", header: t("reports.columns.evidenceCount"), type: "number" },
        { key: "evidence", header: t("reports.columns.evidence"), type: "text" },
      ],
      rows: requirements.map((requirement) => ({
        title: requirement.title,
        status: t(`requirements.status.${requirement.effectiveStatus}`),
        basis: requirement.overrideStatus
          ? t("reports.basisOverride", { reason: requirement.overrideReason ?? "" })
          : requirement.computed
            ? t("reports.basisComputed")
            : t("reports.basisManual"),
        owner: requirement.ownerOrganizationName ?? requirement.ownerUserName ?? null,
        dueOn: requirement.dueOn,
        evidenceCount: requirement.evidence.length,
        evidence: requirement.evidence.map((item) => item.label || item.recordLabel || item.url || "").join("; "),
      })),
      totals: [
        { label: t("reports.totals.requirements"), value: progress.total },
        { label: t("requirements.status.met"), value: progress.met },
        { label: t("requirements.status.in_progress"), value: progress.inProgress },
        { label: t("requirements.status.not_started"), value: progress.notStarted },
        { label: t("requirements.status.not_applicable"), value: progress.notApplicable },
      ],
    };
  },
};

const roadmapSection: ReportSectionBuilder = {
  key: "roadmap",
  async build({ db, taskForce, period, t }) {
    const trend = await areaTrendOf(db, taskForce.id);
    // Rounds are placed by the day they closed: the level at the period's end, and before it began.
    const closedOn = (round: (typeof trend.rounds)[number]) => (round.closedAt ? round.closedAt.toISOString().slice(0, 10) : round.closesOn);
    const atEnd = trend.rounds.filter((round) => closedOn(round) <= period.end).at(-1);
    const before = trend.rounds.filter((round) => closedOn(round) < period.start).at(-1);
    const levelIn = (area: (typeof trend.areas)[number], roundId: string | undefined) =>
      round1(area.points.find((point) => point.roundId === roundId)?.mean ?? null);
    const rows = trend.areas.map((area) => {
      const level = levelIn(area, atEnd?.id);
      const previous = levelIn(area, before?.id);
      return {
        area: `${area.key}. ${area.name}`,
        previous,
        level,
        movement: level !== null && previous !== null ? round1(level - previous) : null,
      };
    });
    return {
      title: t("reports.sections.roadmap"),
      columns: [
        { key: "area", header: t("reports.columns.area"), type: "text" },
        { key: "previous", header: t("reports.columns.previousLevel", { round: before?.title ?? "—" }), type: "number" },
        { key: "level", header: t("reports.columns.level", { round: atEnd?.title ?? "—" }), type: "number" },
        { key: "movement", header: t("reports.columns.movement"), type: "number" },
      ],
      rows: atEnd ? rows : [],
      totals: [
        { label: t("reports.totals.closedRounds"), value: trend.rounds.filter((round) => closedOn(round) <= period.end).length },
        { label: t("reports.totals.areasUp"), value: rows.filter((row) => (row.movement ?? 0) > 0).length },
      ],
    };
  },
};

const gapsSection: ReportSectionBuilder = {
  key: "gaps",
  async build({ db, taskForce, period, t }) {
    const rows = await listGapsOfPeriod(db, taskForce.id, period, taskForce.timeZone);
    const inPeriod = (date: string | null) => date !== null && date >= period.start && date <= period.end;
    return {
      title: t("reports.sections.gaps"),
      columns: [
        { key: "title", header: t("reports.columns.gap"), type: "text" },
        { key: "element", header: t("reports.columns.element"), type: "text" },
        { key: "priority", header: t("reports.columns.priority"), type: "text" },
        { key: "status", header: t("reports.columns.currentStatus"), type: "text" },
        { key: "owner", header: t("reports.columns.owner"), type: "text" },
        { key: "dueOn", header: t("reports.columns.dueOn"), type: "date" },
        { key: "openedOn", header: t("reports.columns.openedOn"), type: "date" },
        { key: "resolvedOn", header: t("reports.columns.resolvedOn"), type: "date" },
      ],
      rows: rows.map((gap) => ({
        title: gap.title,
        element: gap.elementKey,
        priority: t(`gaps.priority.${gap.priority}`),
        status: t(`gaps.status.${gap.status}`),
        owner: gap.ownerOrganizationName,
        dueOn: gap.dueOn,
        openedOn: gap.openedOn,
        resolvedOn: gap.resolvedOn,
      })),
      totals: [
        { label: t("reports.totals.gapsOpened"), value: rows.filter((gap) => inPeriod(gap.openedOn)).length },
        { label: t("reports.totals.gapsResolved"), value: rows.filter((gap) => inPeriod(gap.resolvedOn)).length },
        { label: t("reports.totals.gapsOpenNow"), value: rows.filter((gap) => isOpenGapStatus(gap.status)).length },
      ],
    };
  },
};

export const REPORT_SECTIONS: readonly ReportSectionBuilder[] = [requirementsSection, roadmapSection, gapsSection];
