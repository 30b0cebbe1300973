import { JURISDICTION_LEVELS } from "@/db/schema/taskForces";
import { DISCIPLINES, type Discipline } from "./disciplines";

/**
 * The disciplines an Enhanced Collaborative Model task force is expected to have at the table
 * (lead pair, prosecution, labour enforcement, legal help, lived experience): a balance view names
 * each one no active member covers.
 */
export const CORE_DISCIPLINES = [
  "lawEnforcementLocalState",
  "prosecution",
  "victimServices",
  "civilLabourEnforcement",
  "legalServices",
  "survivorLeaders",
] as const satisfies readonly Discipline[];

export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export interface BalanceOrganization {
  primaryDiscipline: string;
  additionalDisciplines: readonly string[];
  jurisdictionLevel: JurisdictionLevel | null;
  membershipStatus: string;
}

export interface Balance {
  activeCount: number;
  /** Active members per discipline: by primary discipline, and by any discipline they cover. */
  byDiscipline: { discipline: Discipline; primary: number; covering: number }[];
  byJurisdiction: { level: JurisdictionLevel | "unknown"; count: number }[];
  /** Core disciplines no active member covers, in CORE_DISCIPLINES order. */
  missingCore: Discipline[];
}

/** Balance of the active members; prospective, inactive and withdrawn agencies do not count. */
export function memberBalance(organizations: readonly BalanceOrganization[]): Balance {
  const active = organizations.filter((organization) => organization.membershipStatus === "active");
  const byDiscipline = DISCIPLINES.map((discipline) => ({
    discipline,
    primary: active.filter((organization) => organization.primaryDiscipline === discipline).length,
    covering: active.filter(
      (organization) => organization.primaryDiscipline === discipline || organization.additionalDisciplines.includes(discipline),
    ).length,
  }));
  const byJurisdiction = [...JURISDICTION_LEVELS, "unknown" as const].map((level) => ({
    level,
    count: active.filter((organization) => (organization.jurisdictionLevel ?? "unknown") === level).length,
  }));
  const covering = new Map(byDiscipline.map((row) => [row.discipline, row.covering]));
  return {
    activeCount: active.length,
    byDiscipline,
    byJurisdiction,
    missingCore: CORE_DISCIPLINES.filter((discipline) => (covering.get(discipline) ?? 0) === 0),
  };
}
