import "server-only";
import type { ComponentType } from "react";
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
 * The dashboard's widgets, in reading order. Adding one is one entry: its component (a server
 * component in this folder, framed by WidgetFrame, reading its own data) and the permission it
 * needs. Widgets a role may not see are left out, never shown empty.
 */
export interface DashboardWidget {
  key: string;
  permission: Permission;
  Component: ComponentType<WidgetProps>;
}

export const DASHBOARD_WIDGETS: readonly DashboardWidget[] = [
  { key: "requirements", permission: "grant.read", Component: RequirementProgressWidget },
  { key: "nextReport", permission: "grant.read", Component: NextReportWidget },
  { key: "localMatch", permission: "grant.read", Component: LocalMatchWidget },
  { key: "gaps", permission: "gap.read", Component: GapsWidget },
  { key: "disciplineCoverage", permission: "meeting.read", Component: DisciplineCoverageWidget },
  { key: "contributions", permission: "contribution.read", Component: ContributionsWidget },
  { key: "mouRenewals", permission: "mou.read", Component: MouRenewalsWidget },
  { key: "roadmapRadar", permission: "assessment.read", Component: RoadmapRadarWidget },
  { key: "roadmapTrend", permission: "assessment.read", Component: RoadmapTrendWidget },
];
