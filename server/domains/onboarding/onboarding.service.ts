import { JURISDICTION_LEVELS, ORGANIZATION_ROLES, TASK_FORCE_ROLES } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { DEFAULT_LOCALE, serverTranslator, SUPPORTED_LOCALES, type Locale } from "@/server/lib/translate";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import type { TaskForceScope } from "@/server/trpc/context";
import { deliverInvitation, writeInvitation, type CreatedInvitation, type WrittenInvitation } from "@/server/domains/invitations";
import { listOrganizationProfiles, writeNewOrganization, writeOrganizationProfile } from "@/server/domains/organizations";
import { DISCIPLINES } from "@/server/domains/organizations/disciplines";
import { listActiveMemberships } from "@/server/domains/people";
import { errorCount, normalizedWord, planImport, vocabulary, type ImportPlan, type TaskForceAsItIs, type Vocabularies } from "./onboarding.rows";
import type { ImportFileInput, ImportTemplateInput } from "./onboarding.schemas";
import { IMPORT_COLUMNS, importTemplate, readImportFile, SHEET_KINDS, UnreadableFile, type Headings, type ImportColumn, type Sheets } from "./onboarding.sheets";

/*
 * Bringing a task force's organizations and people in from a spreadsheet: a preview of what each
 * row would do, then, when the coordinator confirms and no row has a problem, all of it in one
 * transaction (organizations created or updated, people invited), or nothing. The file is sent and
 * read again on confirming: what is written is decided on the data as it is then, never on a
 * preview the browser kept.
 */

type Discipline = (typeof DISCIPLINES)[number];

/** The words of each language: a file may name a value by its key or as the app shows it in one of its languages. */
function namesIn(locale: Locale) {
  return {
    discipline: serverTranslator("disciplines", locale),
    jurisdiction: serverTranslator("organizations.jurisdictionLevel", locale),
    organizationRole: serverTranslator("organizations.organizationRole", locale),
    role: serverTranslator("roles", locale),
  };
}
const names = SUPPORTED_LOCALES.map(namesIn);

/**
 * Sheets and columns: named in `locale` in the template and in messages, and read by their key or
 * their name in one of the languages, as values are.
 */
function headingsIn(locale: Locale): Headings {
  const column = serverTranslator("onboarding.columns", locale);
  const sheet = serverTranslator("onboarding.sheetNames", locale);
  return {
    columnOf: (heading) => COLUMN_WORDS.get(normalizedWord(heading)),
    sheetOf: (name) => SHEET_WORDS.get(normalizedWord(name)),
    column: (key) => column(key as ImportColumn),
    sheet: (kind) => sheet(kind),
  };
}
const COLUMN_WORDS = vocabulary(IMPORT_COLUMNS, (key) => SUPPORTED_LOCALES.map((locale) => serverTranslator("onboarding.columns", locale)(key)));
const SHEET_WORDS = vocabulary(SHEET_KINDS, (kind) => SUPPORTED_LOCALES.map((locale) => serverTranslator("onboarding.sheetNames", locale)(kind)));

const WORDS: Vocabularies = {
  disciplines: vocabulary(DISCIPLINES, (key) => names.map((name) => name.discipline(key))),
  jurisdictions: vocabulary(JURISDICTION_LEVELS, (key) => names.map((name) => name.jurisdiction(key))),
  organizationRoles: vocabulary(ORGANIZATION_ROLES, (key) => names.map((name) => name.organizationRole(key))),
  taskForceRoles: vocabulary(TASK_FORCE_ROLES, (key) => names.map((name) => name.role(key))),
};

async function sheetsOf(input: ImportFileInput, locale: Locale): Promise<Sheets> {
  try {
    return await readImportFile(input.fileName, Buffer.from(input.contentBase64, "base64"), headingsIn(locale));
  } catch (error) {
    if (error instanceof UnreadableFile) throw new DomainError("INVALID", error.reason, error.values, "file");
    throw error;
  }
}

async function taskForceAsItIs(db: Database, scope: TaskForceScope): Promise<TaskForceAsItIs> {
  const [profiles, members] = await Promise.all([listOrganizationProfiles(db, scope.taskForceId), listActiveMemberships(db, scope.taskForceId)]);
  return {
    organizations: profiles.map((profile) => ({
      ...profile,
      primaryDiscipline: profile.primaryDiscipline as Discipline,
      additionalDisciplines: profile.additionalDisciplines as Discipline[],
    })),
    memberEmails: new Set(members.map((member) => member.email.toLowerCase())),
  };
}

function summaryOf(plan: ImportPlan) {
  const count = (rows: { action: string }[], action: string) => rows.filter((row) => row.action === action).length;
  return {
    create: count(plan.organizations, "create"),
    update: count(plan.organizations, "update"),
    unchanged: count(plan.organizations, "unchanged"),
    invite: count(plan.people, "invite"),
    errors: errorCount(plan),
  };
}

/** People rows become invitations, which are a coordinator's to send (the procedures ask for organization.manage). */
function assertMayInvite(scope: TaskForceScope, sheets: Sheets) {
  if (sheets.people.length > 0 && !can(scope.role, "invitation.manage")) throw new DomainError("FORBIDDEN", "forbidden", {}, "file");
}

/** What each row of the file would do. Writes nothing. */
export async function previewImport(scope: TaskForceScope, input: ImportFileInput) {
  const sheets = await sheetsOf(input, scope.locale ?? DEFAULT_LOCALE);
  assertMayInvite(scope, sheets);
  const plan = planImport(sheets, await taskForceAsItIs(await getDb(), scope), WORDS);
  if (plan.tooMany) throw new DomainError("INVALID", "importTooManyRows", { max: 500 }, "file");
  return { organizations: plan.organizations, people: plan.people, summary: summaryOf(plan) };
}

/**
 * Carries the whole file out, or refuses it when a row has a problem now (it may have had none at
 * the preview: someone else may have joined or added an organization since). Invitations are
 * emailed, or their links handed back, after everything committed.
 */
/** Writes the file's rows; the people's invitations go out in the importer's language. */
export async function applyImport(scope: TaskForceScope, input: ImportFileInput, baseUrl: string, now = currentTime()) {
  const locale = scope.locale ?? DEFAULT_LOCALE;
  const sheets = await sheetsOf(input, locale);
  assertMayInvite(scope, sheets);
  const { plan, written } = await inTransaction(async (tx) => {
    const asItIs = await taskForceAsItIs(tx, scope);
    const plan = planImport(sheets, asItIs, WORDS);
    if (plan.tooMany) throw new DomainError("INVALID", "importTooManyRows", { max: 500 }, "file");
    const errors = errorCount(plan);
    if (errors > 0) throw new DomainError("INVALID", "importHasProblems", { count: errors }, "file");
    // People name their organization as the file or the task force does: existing ones, and those created below.
    const organizationIds = new Map(asItIs.organizations.map((organization) => [normalizedWord(organization.name), organization.id]));
    for (const row of plan.organizations) {
      if (!row.values) continue;
      const id = row.organizationId ?? (await writeNewOrganization(tx, scope, { name: row.name, primaryDiscipline: row.values.primaryDiscipline }, now)).id;
      organizationIds.set(normalizedWord(row.name), id);
      if (row.action !== "unchanged") await writeOrganizationProfile(tx, scope, { organizationId: id, ...row.values });
    }
    const written: WrittenInvitation[] = [];
    for (const person of plan.people) {
      if (!person.role) continue;
      const organizationId = person.organizationName ? (organizationIds.get(normalizedWord(person.organizationName)) ?? null) : null;
      written.push(await writeInvitation(tx, scope, { email: person.email, role: person.role, organizationId, locale }, now));
    }
    return { plan, written };
  });
  const invitations: CreatedInvitation[] = [];
  // One after the other, as the paste-a-list form does: a mail server is kinder to a list sent in sequence.
  for (const one of written) invitations.push(await deliverInvitation(one, baseUrl));
  return { summary: summaryOf(plan), invitations };
}

/** The example rows of the template, their values written as the app shows them in the requester's language. */
function examplesIn(locale: Locale) {
  const name = namesIn(locale);
  return {
    organizations: [["Example County Sheriff's Office", name.discipline("lawEnforcementLocalState"), "", name.jurisdiction("local"), name.organizationRole("lead_law_enforcement"), "", "", "https://sheriff.example.org"]],
    people: [["alex.example@example.org", "Alex Example", "Example County Sheriff's Office", name.role("member")]],
  };
}

/** The template to fill in: both sheets in a workbook, or one of them as CSV, with an example row each. */
export async function importTemplateFile(input: ImportTemplateInput, locale: Locale = DEFAULT_LOCALE) {
  const bytes = await importTemplate(input.format, input.kind, examplesIn(locale), headingsIn(locale));
  return {
    fileName: input.format === "xlsx" ? "task-force-import.xlsx" : `task-force-${input.kind}.csv`,
    contentType: input.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
    base64: bytes.toString("base64"),
  };
}
