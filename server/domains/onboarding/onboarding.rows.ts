import { JURISDICTION_LEVELS, ORGANIZATION_ROLES, TASK_FORCE_ROLES } from "@/db/schema";
import { EmailAddress, EvidenceLink, PersonName } from "@/server/lib/schemas";
import { DISCIPLINES } from "@/server/domains/organizations/disciplines";
import type { SheetRow, Sheets } from "./onboarding.sheets";

/*
 * What each row of an import would do, decided against the task force as it is: an organization is
 * created, or updated when one of that name exists (blank cells keep what is there), or left as it
 * is; a person is invited; or the row has problems, each named with its column. Pure: the service
 * reads the task force and writes; here nothing is read or written.
 */

type Discipline = (typeof DISCIPLINES)[number];
type Jurisdiction = (typeof JURISDICTION_LEVELS)[number];
type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];

export const MAX_IMPORT_ROWS = 500;

export interface RowProblem {
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface OrganizationValues {
  primaryDiscipline: Discipline;
  additionalDisciplines: Discipline[];
  jurisdictionLevel: Jurisdiction | null;
  taskForceRole: OrganizationRole;
  address: string;
  region: string;
  website: string | null;
}

export interface OrganizationRowPlan {
  line: number;
  name: string;
  action: "create" | "update" | "unchanged" | "error";
  /** The existing organization an update changes. */
  organizationId: string | null;
  values: OrganizationValues | null;
  /** The fields an update changes, for the preview. */
  changes: string[];
  problems: RowProblem[];
}

export interface PersonRowPlan {
  line: number;
  email: string;
  name: string;
  organizationName: string;
  role: TaskForceRole | null;
  action: "invite" | "error";
  problems: RowProblem[];
}

export interface ExistingOrganization extends OrganizationValues {
  id: string;
  name: string;
}

export interface TaskForceAsItIs {
  organizations: ExistingOrganization[];
  memberEmails: Set<string>;
}

/** Words a spreadsheet may use for a vocabulary's values: the key itself or its label, whatever the case and spacing. */
export type Vocabularies = {
  disciplines: Map<string, Discipline>;
  jurisdictions: Map<string, Jurisdiction>;
  organizationRoles: Map<string, OrganizationRole>;
  taskForceRoles: Map<string, TaskForceRole>;
};

/** A word as a file may write it, whatever its case, spacing, punctuation or accents ("Correo electronico"). */
export const normalizedWord = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

export function vocabulary<Key extends string>(keys: readonly Key[], labelsOf: (key: Key) => string[]): Map<string, Key> {
  return new Map(keys.flatMap((key) => [[normalizedWord(key), key] as const, ...labelsOf(key).map((label) => [normalizedWord(label), key] as const)]));
}

const LEAD_ROLES: readonly OrganizationRole[] = ["lead_law_enforcement", "lead_victim_services"];

function organizationRow(row: SheetRow, existing: ExistingOrganization | undefined, words: Vocabularies): Omit<OrganizationRowPlan, "line"> {
  const problems: RowProblem[] = [];
  const cell = (column: string) => row.cells[column] ?? "";
  const name = cell("name");
  if (name.length < 2 || name.length > 160) problems.push({ column: "name", key: name ? "importNameLength" : "importRequired" });

  const word = <Key extends string>(column: string, words: Map<string, Key>): Key | undefined => {
    const text = cell(column);
    if (!text) return undefined;
    const key = words.get(normalizedWord(text));
    if (!key) problems.push({ column, key: "importUnknownValue", values: { value: text } });
    return key;
  };
  const primary = word("primary_discipline", words.disciplines) ?? existing?.primaryDiscipline;
  if (!cell("primary_discipline") && !existing) problems.push({ column: "primary_discipline", key: "importRequired" });
  const additionalText = cell("additional_disciplines");
  const additional = additionalText
    ? additionalText
        .split(";")
        .map((part) => part.trim())
        .filter(Boolean)
        .flatMap((part) => {
          const key = words.disciplines.get(normalizedWord(part));
          if (!key) problems.push({ column: "additional_disciplines", key: "importUnknownValue", values: { value: part } });
          return key ? [key] : [];
        })
    : (existing?.additionalDisciplines ?? []);
  const jurisdiction = word("jurisdiction_level", words.jurisdictions) ?? existing?.jurisdictionLevel ?? null;
  const role = word("task_force_role", words.organizationRoles) ?? existing?.taskForceRole ?? "member";
  const text = (column: string, max: number, kept: string) => {
    const value = cell(column);
    if (value.length > max) problems.push({ column, key: "importTooLong", values: { max } });
    return value || kept;
  };
  const address = text("address", 300, existing?.address ?? "");
  const region = text("region", 120, existing?.region ?? "");
  let website = existing?.website ?? null;
  if (cell("website")) {
    const parsed = EvidenceLink.safeParse(cell("website"));
    if (parsed.success) website = parsed.data;
    else problems.push({ column: "website", key: "importNotALink", values: { value: cell("website") } });
  }
  if (problems.length > 0 || !primary) return { name, action: "error", organizationId: existing?.id ?? null, values: null, changes: [], problems };
  const values: OrganizationValues = {
    primaryDiscipline: primary,
    additionalDisciplines: [...new Set(additional)].filter((discipline) => discipline !== primary),
    jurisdictionLevel: jurisdiction,
    taskForceRole: role,
    address,
    region,
    website,
  };
  if (!existing) return { name, action: "create", organizationId: null, values, changes: [], problems };
  const changes = (Object.keys(values) as (keyof OrganizationValues)[]).filter((field) => JSON.stringify(values[field]) !== JSON.stringify(existing[field]));
  return { name, action: changes.length > 0 ? "update" : "unchanged", organizationId: existing.id, values, changes, problems };
}

function personRow(row: SheetRow, words: Vocabularies, organizationNames: Set<string>, memberEmails: Set<string>): Omit<PersonRowPlan, "line"> {
  const problems: RowProblem[] = [];
  const cell = (column: string) => row.cells[column] ?? "";
  const parsedEmail = EmailAddress.safeParse(cell("email"));
  const email = parsedEmail.success ? parsedEmail.data : cell("email");
  if (!cell("email")) problems.push({ column: "email", key: "importRequired" });
  else if (!parsedEmail.success) problems.push({ column: "email", key: "importNotAnEmail", values: { value: cell("email") } });
  else if (memberEmails.has(email)) problems.push({ column: "email", key: "importAlreadyMember", values: { email } });
  const name = cell("name");
  if (name && !PersonName.safeParse(name).success) problems.push({ column: "name", key: "importTooLong", values: { max: 120 } });
  const roleText = cell("role");
  const role = roleText ? (words.taskForceRoles.get(normalizedWord(roleText)) ?? null) : null;
  if (!roleText) problems.push({ column: "role", key: "importRequired" });
  else if (!role) problems.push({ column: "role", key: "importUnknownValue", values: { value: roleText } });
  const organizationName = cell("organization");
  if (organizationName && !organizationNames.has(normalizedWord(organizationName))) {
    problems.push({ column: "organization", key: "importUnknownOrganization", values: { value: organizationName } });
  } else if (!organizationName && role === "member") {
    problems.push({ column: "organization", key: "importOrganizationForMember" });
  }
  return { email, name, organizationName, role, action: problems.length > 0 ? "error" : "invite", problems };
}

/** Every row's plan; nothing may be written while one of them is an error. */
export function planImport(sheets: Sheets, asItIs: TaskForceAsItIs, words: Vocabularies) {
  const tooMany = sheets.organizations.length > MAX_IMPORT_ROWS || sheets.people.length > MAX_IMPORT_ROWS;
  const byName = new Map(asItIs.organizations.map((organization) => [normalizedWord(organization.name), organization]));
  const seenNames = new Map<string, number>();
  const organizations: OrganizationRowPlan[] = sheets.organizations.map((row) => {
    const key = normalizedWord(row.cells.name ?? "");
    const plan: OrganizationRowPlan = { line: row.line, ...organizationRow(row, byName.get(key), words) };
    const first = seenNames.get(key);
    if (key && first !== undefined) plan.problems.push({ column: "name", key: "importDuplicateRow", values: { line: first } });
    else if (key) seenNames.set(key, row.line);
    return plan;
  });

  // One lead of each kind: in the file, and not beside another organization that already is one.
  for (const lead of LEAD_ROLES) {
    const claiming = organizations.filter((plan) => plan.values?.taskForceRole === lead);
    const renamed = new Set(organizations.filter((plan) => plan.organizationId && plan.values).map((plan) => plan.organizationId));
    const holder = asItIs.organizations.find((organization) => organization.taskForceRole === lead && !renamed.has(organization.id));
    for (const plan of claiming) {
      if (claiming.length > 1) plan.problems.push({ column: "task_force_role", key: "importLeadTwice", values: { role: lead } });
      else if (holder && holder.id !== plan.organizationId) plan.problems.push({ column: "task_force_role", key: "importLeadTaken", values: { name: holder.name } });
    }
  }
  for (const plan of organizations) if (plan.problems.length > 0) plan.action = "error";

  const organizationNames = new Set([
    ...asItIs.organizations.map((organization) => normalizedWord(organization.name)),
    ...organizations.filter((plan) => plan.action === "create").map((plan) => normalizedWord(plan.name)),
  ]);
  const seenEmails = new Map<string, number>();
  const people: PersonRowPlan[] = sheets.people.map((row) => {
    const plan: PersonRowPlan = { line: row.line, ...personRow(row, words, organizationNames, asItIs.memberEmails) };
    const first = seenEmails.get(plan.email);
    if (plan.email && first !== undefined) {
      plan.problems.push({ column: "email", key: "importDuplicateRow", values: { line: first } });
      plan.action = "error";
    } else if (plan.email) seenEmails.set(plan.email, row.line);
    return plan;
  });
  return { organizations, people, tooMany };
}

export type ImportPlan = ReturnType<typeof planImport>;

/** Rows that stop the import: while there is one, nothing is written. */
export const errorCount = (plan: ImportPlan) =>
  plan.organizations.filter((row) => row.action === "error").length + plan.people.filter((row) => row.action === "error").length;
