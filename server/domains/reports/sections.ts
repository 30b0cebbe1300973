import type { Database } from "@/server/lib/unitOfWork";
import type { ServerTranslator } from "@/server/lib/translate";
import type { TaskForceScope } from "@/server/trpc/context";
import { areaTrendOf } from "@/server/domains/assessments/comparison.service";
import { isOpenGapStatus } from "@/server/domains/gaps/gaps.rules";
import { dateInZone } from "@/server/lib/dates";
import { getGrant } from "@/server/domains/grants/grants.service";
import type { ReportingPeriod } from "@/server/domains/grants/grants.rules";
import { listHeldAttendance, listHeldMeetings } from "@/server/domains/meetings";
import { isAtTheTable } from "@/server/domains/meetings/meetings.rules";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { MEETING_TYPES } from "@/db/vocabulary/meetings";
import { listMous, listPartiesOf } from "@/server/domains/mous";
import { listProtocols } from "@/server/domains/protocols";
import { frameworkElements } from "@/server/domains/frameworks";
import { listGapsOfPeriod } from "./reports.queries";
import { contributionsSection, trainingsSection, victimCountsSection } from "./contributionSections";
import type { BuiltSection } from "./comparison.rules";

/*
 * The progress report is a list of sections; each builder turns live data into one table (one
 * sheet in the XLSX, one CSV, one part of the print view). A new part of the report is one more
 * entry of REPORT_SECTIONS (its title is the sheet name: at most 31 characters).
 *
 * Privacy: a section with victim-related counts must pass them through the small-cell suppression
 * function (server/domains/privacy/suppression.ts) inside its build(), so no unsuppressed value is
 * ever stored or exported. The report is a document for outside use, so victimCounts takes the
 * contribution periods' published figures for every audience; the other sections hold no such
 * counts (they describe how the task force works).
 */

export type ReportTranslator = ServerTranslator;

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

/**
 * A section's table and totals for the context's period. The figures marked `compare` are set
 * beside the same section built for the previous reporting period (comparison.rules.ts); the
 * others describe the present (statuses, records as they stand) and have no figure of a past period.
 */
export interface ReportSectionBuilder {
  key: string;
  build(context: ReportContext): Promise<BuiltSection>;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * Requirements with their evidence. Not compared: a status is the award's standing now, kept
 * without its history, so no figure of an earlier period can be built (the report of record of that
 * period shows what was reported then).
 */
const requirementsSection: ReportSectionBuilder = {
  key: "requirements",
  async build({ scope, grantId, now, t }) {
    const { requirements, progress } = await getGrant(scope, { grantId }, now);
    return {
      title: t("reports.sections.requirements"),
      sheetName: t("reports.sheets.requirements"),
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
  async build({ db, scope, taskForce, period, t }) {
    // A report is for outside use, whoever generates it: only rating groups that may be shown count.
    const trend = await areaTrendOf(db, taskForce.id, true, scope.locale);
    // Rounds are placed by the day they closed in the task force's calendar (not UTC's, already the
    // next day on a Chicago evening): the level at the period's end, and before it began.
    const closedOn = (round: (typeof trend.rounds)[number]) => (round.closedAt ? dateInZone(round.closedAt, taskForce.timeZone) : round.closesOn);
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
      sheetName: t("reports.sheets.roadmap"),
      columns: [
        { key: "area", header: t("reports.columns.area"), type: "text" },
        { key: "previous", header: t("reports.columns.previousLevel", { round: before?.title ?? "—" }), type: "number" },
        { key: "level", header: t("reports.columns.level", { round: atEnd?.title ?? "—" }), type: "number" },
        { key: "movement", header: t("reports.columns.movement"), type: "number" },
      ],
      rows: atEnd ? rows : [],
      // The table compares rounds already (before the period and at its end); its totals are compared
      // with the previous period's. Both are small counts of a fixed set: the difference says it.
      totals: [
        { label: t("reports.totals.closedRounds"), value: trend.rounds.filter((round) => closedOn(round) <= period.end).length, compare: "absolute" },
        { label: t("reports.totals.areasUp"), value: rows.filter((row) => (row.movement ?? 0) > 0).length, compare: "absolute" },
      ],
    };
  },
};

const gapsSection: ReportSectionBuilder = {
  key: "gaps",
  async build({ db, scope, taskForce, period, t }) {
    const [rows, framework] = await Promise.all([
      listGapsOfPeriod(db, taskForce.id, period, taskForce.timeZone),
      frameworkElements(db, taskForce.id, scope.locale),
    ]);
    const inPeriod = (date: string | null) => date !== null && date >= period.start && date <= period.end;
    return {
      title: t("reports.sections.gaps"),
      sheetName: t("reports.sheets.gaps"),
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
        element: framework.elements.get(gap.elementKey)?.name ?? gap.elementKey,
        priority: t(`gaps.priority.${gap.priority}`),
        status: t(`gaps.status.${gap.status}`),
        owner: gap.ownerOrganizationName,
        dueOn: gap.dueOn,
        openedOn: gap.openedOn,
        resolvedOn: gap.resolvedOn,
      })),
      totals: [
        { label: t("reports.totals.gapsOpened"), value: rows.filter((gap) => inPeriod(gap.openedOn)).length, compare: "relative" },
        { label: t("reports.totals.gapsResolved"), value: rows.filter((gap) => inPeriod(gap.resolvedOn)).length, compare: "relative" },
        // Today's count, whichever period the report is of: no previous figure.
        { label: t("reports.totals.gapsOpenNow"), value: rows.filter((gap) => isOpenGapStatus(gap.status)).length },
      ],
    };
  },
};

const disciplineName = (t: ReportTranslator, key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? t(`disciplines.${key as Discipline}`) : key);

/**
 * Meetings held in the period by type, then attendance by discipline across the period's full
 * task-force meetings: at how many of them the discipline was at the table, and how many distinct
 * organizations of it came. Meetings belong to the period by their day in the task force's zone.
 */
const meetingsSection: ReportSectionBuilder = {
  key: "meetings",
  async build({ db, taskForce, period, t }) {
    const [held, attendanceRows] = await Promise.all([listHeldMeetings(db, taskForce.id), listHeldAttendance(db, taskForce.id)]);
    const inPeriod = held.filter((meeting) => {
      const day = dateInZone(meeting.startsAt, taskForce.timeZone);
      return day >= period.start && day <= period.end;
    });
    const fullMeetingIds = new Set(inPeriod.filter((meeting) => meeting.type === "full_task_force").map((meeting) => meeting.id));
    const byDiscipline = new Map<string, { meetings: Set<string>; organizations: Set<string> }>();
    for (const row of attendanceRows) {
      if (!fullMeetingIds.has(row.meetingId) || !row.discipline || !isAtTheTable(row.status)) continue;
      const entry = byDiscipline.get(row.discipline) ?? { meetings: new Set<string>(), organizations: new Set<string>() };
      entry.meetings.add(row.meetingId);
      if (row.organizationId) entry.organizations.add(row.organizationId);
      byDiscipline.set(row.discipline, entry);
    }
    const typeRows = MEETING_TYPES.map((type) => ({
      group: t("reports.meetingGroups.byType"),
      item: t(`meetings.type.${type}`),
      meetings: inPeriod.filter((meeting) => meeting.type === type).length,
      organizations: null,
    })).filter((row) => row.meetings > 0);
    const disciplineRows = [...byDiscipline.entries()]
      .map(([discipline, entry]) => ({
        group: t("reports.meetingGroups.byDiscipline"),
        item: disciplineName(t, discipline),
        meetings: entry.meetings.size,
        organizations: entry.organizations.size,
      }))
      .sort((a, b) => b.meetings - a.meetings || a.item.localeCompare(b.item));
    return {
      title: t("reports.sections.meetings"),
      sheetName: t("reports.sheets.meetings"),
      columns: [
        { key: "group", header: t("reports.columns.meetingGroup"), type: "text" },
        { key: "item", header: t("reports.columns.meetingItem"), type: "text" },
        { key: "meetings", header: t("reports.columns.meetingsHeld"), type: "number", compare: "relative" },
        // A few organizations of one discipline: the difference says it, a percentage of 1 or 2 would not.
        { key: "organizations", header: t("reports.columns.organizationsPresent"), type: "number", compare: "absolute" },
      ],
      rows: [...typeRows, ...disciplineRows],
      totals: [
        { label: t("reports.totals.meetingsHeld"), value: inPeriod.length, compare: "relative" },
        { label: t("reports.totals.fullMeetingsHeld"), value: fullMeetingIds.size, compare: "relative" },
      ],
    };
  },
};

/**
 * MOUs with their parties and dates, then protocols; a funder's report lists only those shared with
 * funders. Not compared: statuses as they stand now (signed, adopted), kept without their history.
 */
const mousProtocolsSection: ReportSectionBuilder = {
  key: "mousProtocols",
  async build({ db, taskForce, audience, t }) {
    const sharedOnly = audience === "funder";
    const [mouRows, protocolRows] = await Promise.all([listMous(db, taskForce.id, { sharedOnly }), listProtocols(db, taskForce.id, { sharedOnly })]);
    const parties = await listPartiesOf(db, taskForce.id, mouRows.map((mou) => mou.id));
    const empty = { signedOn: null, effectiveOn: null, expiresOn: null, adoptedOn: null, nextReviewOn: null };
    return {
      title: t("reports.sections.mousProtocols"),
      sheetName: t("reports.sheets.mousProtocols"),
      columns: [
        { key: "kind", header: t("reports.columns.recordKind"), type: "text" },
        { key: "title", header: t("reports.columns.title"), type: "text" },
        { key: "detail", header: t("reports.columns.partiesOrTopic"), type: "text" },
        { key: "status", header: t("reports.columns.status"), type: "text" },
        { key: "signedOn", header: t("reports.columns.signedOn"), type: "date" },
        { key: "effectiveOn", header: t("reports.columns.effectiveOn"), type: "date" },
        { key: "expiresOn", header: t("reports.columns.expiresOn"), type: "date" },
        { key: "adoptedOn", header: t("reports.columns.adoptedOn"), type: "date" },
        { key: "nextReviewOn", header: t("reports.columns.nextReviewOn"), type: "date" },
      ],
      rows: [
        ...mouRows.map((mou) => ({
          ...empty,
          kind: t("reports.recordKinds.mou"),
          title: mou.title,
          detail: parties.filter((party) => party.mouId === mou.id).map((party) => party.name).join("; "),
          status: t(`mous.status.${mou.status}`),
          signedOn: mou.signedOn,
          effectiveOn: mou.effectiveOn,
          expiresOn: mou.expiresOn,
        })),
        ...protocolRows.map((protocol) => ({
          ...empty,
          kind: t("reports.recordKinds.protocol"),
          title: protocol.title || t(`protocols.topic.${protocol.topic}`),
          detail: t(`protocols.topic.${protocol.topic}`),
          status: t(`protocols.status.${protocol.status}`),
          adoptedOn: protocol.adoptedOn,
          nextReviewOn: protocol.nextReviewOn,
        })),
      ],
      totals: [
        { label: t("reports.totals.mousSigned"), value: mouRows.filter((mou) => mou.status === "signed").length },
        { label: t("reports.totals.protocolsAdopted"), value: protocolRows.filter((protocol) => protocol.status === "adopted").length },
      ],
    };
  },
};

export const REPORT_SECTIONS: readonly ReportSectionBuilder[] = [
  requirementsSection,
  roadmapSection,
  gapsSection,
  meetingsSection,
  trainingsSection,
  contributionsSection,
  victimCountsSection,
  mousProtocolsSection,
];
