import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { trpc } from "@/app/_trpc/server";
import type { Permission } from "@/server/auth/permissions";
import { ContributionsWidget } from "./ContributionsWidget";
import { DisciplineCoverageWidget } from "./DisciplineCoverageWidget";
import { GapsWidget } from "./GapsWidget";
import { LocalMatchWidget } from "./LocalMatchWidget";
import { MouRenewalsWidget } from "./MouRenewalsWidget";
import { NextReportWidget } from "./NextReportWidget";
import { RequirementProgressWidget } from "./RequirementProgressWidget";
import { RoadmapRadarWidget } from "./RoadmapRadarWidget";
import { RoadmapTrendWidget } from "./RoadmapTrendWidget";
import type { WidgetProps } from "./WidgetFrame";

/**
 * The dashboard's widgets, in reading order. Adding one is one entry: its component (a file in
 * this folder, framed by WidgetFrame), the permission it needs and the one query it prefetches so
 * the page renders at once. Widgets a role may not see are left out, never shown empty.
 */
export interface DashboardWidget {
  key: string;
  permission: Permission;
  Component: ComponentType<WidgetProps>;
  prefetch: (queryClient: QueryClient, input: { taskForceSlug: string }) => Promise<void>;
}

export const DASHBOARD_WIDGETS: readonly DashboardWidget[] = [
  { key: "requirements", permission: "grant.read", Component: RequirementProgressWidget, prefetch: (client, input) => client.prefetchQuery(trpc.grant.progress.queryOptions(input)) },
  { key: "nextReport", permission: "grant.read", Component: NextReportWidget, prefetch: (client, input) => client.prefetchQuery(trpc.grant.progress.queryOptions(input)) },
  { key: "localMatch", permission: "grant.read", Component: LocalMatchWidget, prefetch: (client, input) => client.prefetchQuery(trpc.grant.match.queryOptions(input)) },
  { key: "gaps", permission: "gap.read", Component: GapsWidget, prefetch: (client, input) => client.prefetchQuery(trpc.dashboard.gaps.queryOptions(input)) },
  { key: "disciplineCoverage", permission: "meeting.read", Component: DisciplineCoverageWidget, prefetch: (client, input) => client.prefetchQuery(trpc.meeting.recentFullMeetings.queryOptions(input)) },
  { key: "contributions", permission: "contribution.read", Component: ContributionsWidget, prefetch: (client, input) => client.prefetchQuery(trpc.contribution.summary.queryOptions(input)) },
  { key: "mouRenewals", permission: "mou.read", Component: MouRenewalsWidget, prefetch: (client, input) => client.prefetchQuery(trpc.mou.renewals.queryOptions(input)) },
  { key: "roadmapRadar", permission: "assessment.read", Component: RoadmapRadarWidget, prefetch: (client, input) => client.prefetchQuery(trpc.assessment.trend.queryOptions(input)) },
  { key: "roadmapTrend", permission: "assessment.read", Component: RoadmapTrendWidget, prefetch: (client, input) => client.prefetchQuery(trpc.assessment.trend.queryOptions(input)) },
];
