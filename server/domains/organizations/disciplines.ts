/**
 * The fixed discipline taxonomy of ../shared/domain/members-and-measures.md. Keys are stable
 * identifiers stored in the database; the names people read come from the `disciplines` catalog.
 */
export const DISCIPLINES = [
  "lawEnforcementLocalState",
  "lawEnforcementFederal",
  "tribal",
  "prosecution",
  "civilLabourEnforcement",
  "victimServices",
  "legalServices",
  "childWelfareJuvenileJustice",
  "health",
  "education",
  "communityOrganizations",
  "survivorLeaders",
  "faithCivic",
  "business",
  "research",
  "government",
  "other",
] as const;
export type Discipline = (typeof DISCIPLINES)[number];
