import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";

/*
 * Issue 18: a coordinator brings organizations and people in from a spreadsheet. The preview says
 * what each row would do; a file with one bad row is refused whole; the corrected file is written
 * in one go, its people invited.
 */

type Table = (string | null)[][];

async function workbook(sheets: Record<string, Table>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

const csv = (text: string) => Buffer.from(text, "utf8").toString("base64");

const ORGANIZATION_HEADER = ["name", "primary_discipline", "additional_disciplines", "jurisdiction_level", "task_force_role", "address", "region", "website"];
const PEOPLE_HEADER = ["email", "name", "organization", "role"];

async function importingTaskForce() {
  const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Bayside Task Force" });
  const shelter = await createOrganization(taskForce, { name: "Harbor Shelter", primaryDiscipline: "victimServices" });
  const { user: member } = await createMember(taskForce, "member", { organizationId: shelter.id });
  const caller = callerFor(coordinator);
  const base = { taskForceSlug: taskForce.slug };
  return { taskForce, coordinator, shelter, member, caller, base };
}

describe("importing organizations and people", () => {
  it("previews every row, refuses a file with a bad row, and imports the corrected file all at once", async () => {
    const { shelter, member, caller, base } = await importingTaskForce();
    const goodOrganizations: Table = [
      ["Example Police Department", "Law enforcement — local/state", "", "Local", "Lead law enforcement", "1 Main St", "North", "https://police.example.org"],
      ["harbor shelter", "", "Legal services (civil and immigration); health", "", "", "", "", ""],
    ];
    const goodPeople: Table = [
      ["nia.new@example.org", "Nia New", "Example Police Department", "Member agency staff"],
      ["VIC.VIEWER@example.org", "", "", "viewer"],
    ];
    const mixed = await workbook({
      organizations: [ORGANIZATION_HEADER, ...goodOrganizations, ["Stargazers", "Astrology", "", "", "", "", "", ""], ["X", "", "", "", "", "", "", "not a link"]],
      people: [
        PEOPLE_HEADER,
        ...goodPeople,
        [member.email, "", "Harbor Shelter", "member"],
        ["not-an-email", "", "", "viewer"],
        ["mo.member@example.org", "", "", "member"],
        ["nia.new@example.org", "", "", "viewer"],
      ],
    });

    const preview = await caller.onboarding.preview({ ...base, fileName: "members.xlsx", contentBase64: mixed });
    expect(preview.organizations.map((row) => [row.line, row.action, row.problems.map((problem) => `${problem.column}:${problem.key}`)])).toEqual([
      [2, "create", []],
      [3, "update", []],
      [4, "error", ["primary_discipline:importUnknownValue"]],
      [5, "error", ["name:importNameLength", "primary_discipline:importRequired", "website:importNotALink"]],
    ]);
    expect(preview.organizations[1]).toMatchObject({ organizationId: shelter.id, changes: ["additionalDisciplines"] });
    expect(preview.people.map((row) => [row.line, row.action, row.problems.map((problem) => `${problem.column}:${problem.key}`)])).toEqual([
      [2, "invite", []],
      [3, "invite", []],
      [4, "error", ["email:importAlreadyMember"]],
      [5, "error", ["email:importNotAnEmail"]],
      [6, "error", ["organization:importOrganizationForMember"]],
      [7, "error", ["email:importDuplicateRow"]],
    ]);
    expect(preview.summary).toEqual({ create: 1, update: 1, unchanged: 0, invite: 2, errors: 6 });

    const refused = domainErrorOf(await trpcErrorOf(caller.onboarding.confirm({ ...base, fileName: "members.xlsx", contentBase64: mixed }), "BAD_REQUEST"));
    expect(refused).toMatchObject({ code: "INVALID", messageKey: "importHasProblems", values: { count: 6 }, field: "file" });
    expect((await caller.organization.list(base)).map((organization) => organization.name)).not.toContain("Example Police Department");
    expect(await caller.invitation.list(base)).toEqual([]);

    const corrected = await workbook({ organizations: [ORGANIZATION_HEADER, ...goodOrganizations], people: [PEOPLE_HEADER, ...goodPeople] });
    const done = await caller.onboarding.confirm({ ...base, fileName: "members.xlsx", contentBase64: corrected });
    expect(done.summary).toEqual({ create: 1, update: 1, unchanged: 0, invite: 2, errors: 0 });
    // No email on this server: each invitation comes back with its link to pass on.
    expect(done.invitations.map((invitation) => [invitation.email, invitation.emailed, typeof invitation.link])).toEqual([
      ["nia.new@example.org", false, "string"],
      ["vic.viewer@example.org", false, "string"],
    ]);

    const organizations = await caller.organization.list(base);
    const police = organizations.find((organization) => organization.name === "Example Police Department");
    expect(police).toMatchObject({ primaryDiscipline: "lawEnforcementLocalState", jurisdictionLevel: "local", taskForceRole: "lead_law_enforcement", region: "North" });
    expect(organizations.find((organization) => organization.id === shelter.id)).toMatchObject({
      primaryDiscipline: "victimServices",
      additionalDisciplines: ["legalServices", "health"],
    });
    const invitations = await caller.invitation.list(base);
    expect(invitations.map((invitation) => [invitation.email, invitation.role, invitation.organizationName]).sort()).toEqual([
      ["nia.new@example.org", "member", "Example Police Department"],
      ["vic.viewer@example.org", "viewer", null],
    ]);

    // The same file again changes nothing and invites the two again (a fresh link replaces the first).
    const again = await caller.onboarding.preview({ ...base, fileName: "members.xlsx", contentBase64: corrected });
    expect(again.organizations.map((row) => row.action)).toEqual(["unchanged", "unchanged"]);
  });

  it("reads a CSV of one kind by its columns, and names what it cannot read", async () => {
    const { caller, base } = await importingTaskForce();
    const people = await caller.onboarding.preview({ ...base, fileName: "people.csv", contentBase64: csv("Email,Role\nana@example.org,Coordinator\n") });
    expect(people.people).toEqual([expect.objectContaining({ email: "ana@example.org", role: "coordinator", action: "invite" })]);
    expect(people.organizations).toEqual([]);

    const unknownColumn = domainErrorOf(await trpcErrorOf(caller.onboarding.preview({ ...base, fileName: "o.csv", contentBase64: csv("name,primary_discipline,budget\nA,Health,3\n") }), "BAD_REQUEST"));
    expect(unknownColumn).toMatchObject({ messageKey: "importUnknownColumn", values: { columns: "budget", sheet: "Organizations" }, field: "file" });
    const notAWorkbook = domainErrorOf(await trpcErrorOf(caller.onboarding.preview({ ...base, fileName: "o.xlsx", contentBase64: csv("PK this is not a zip") }), "BAD_REQUEST"));
    expect(notAWorkbook).toMatchObject({ messageKey: "importUnreadable" });
    const empty = domainErrorOf(await trpcErrorOf(caller.onboarding.preview({ ...base, fileName: "o.csv", contentBase64: csv("name,primary_discipline\n") }), "BAD_REQUEST"));
    expect(empty).toMatchObject({ messageKey: "importEmpty" });
  });

  it("keeps one lead of each kind", async () => {
    const { taskForce, caller, base } = await importingTaskForce();
    await createOrganization(taskForce, { name: "County Victim Services" });
    await caller.organization.updateProfile({
      ...base,
      organizationId: (await caller.organization.list(base)).find((organization) => organization.name === "County Victim Services")!.id,
      primaryDiscipline: "victimServices",
      additionalDisciplines: [],
      jurisdictionLevel: null,
      address: "",
      region: "",
      website: null,
      taskForceRole: "lead_victim_services",
    });
    const file = csv(
      "name,primary_discipline,task_force_role\nNew Advocates,victimServices,lead_victim_services\nCity Police,Prosecution,lead_law_enforcement\nState Police,Prosecution,lead_law_enforcement\n",
    );
    const preview = await caller.onboarding.preview({ ...base, fileName: "o.csv", contentBase64: file });
    expect(preview.organizations.map((row) => [row.name, row.problems.map((problem) => problem.key)])).toEqual([
      ["New Advocates", ["importLeadTaken"]],
      ["City Police", ["importLeadTwice"]],
      ["State Police", ["importLeadTwice"]],
    ]);
  });

  it("offers a template whose example rows import as they are", async () => {
    const { caller, base } = await importingTaskForce();
    const template = await caller.onboarding.template({ ...base, format: "xlsx", kind: "organizations" });
    expect(template.fileName).toBe("task-force-import.xlsx");
    const preview = await caller.onboarding.preview({ ...base, fileName: template.fileName, contentBase64: template.base64 });
    expect(preview.organizations.map((row) => row.action)).toEqual(["create"]);
    expect(preview.people.map((row) => row.action)).toEqual(["invite"]);
    const peopleCsv = await caller.onboarding.template({ ...base, format: "csv", kind: "people" });
    expect(Buffer.from(peopleCsv.base64, "base64").toString("utf8")).toContain("email,name,organization,role");
  });

  it("offers the template in the requester's language, and reads a file's sheets and columns named in either language or by key", async () => {
    const { coordinator, caller, base } = await importingTaskForce();
    const inSpanish = callerFor(coordinator, { locale: "es-US" });
    const template = await inSpanish.onboarding.template({ ...base, format: "xlsx", kind: "organizations" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template.base64, "base64") as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["Organizaciones", "Personas"]);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, "nombre", "disciplina principal", "disciplinas adicionales", "jurisdicción", "rol en el grupo de trabajo", "dirección", "región", "sitio web"]);
    // The Spanish template imports as it is, read by someone reading English.
    const preview = await caller.onboarding.preview({ ...base, fileName: template.fileName, contentBase64: template.base64 });
    expect(preview.organizations.map((row) => row.action)).toEqual(["create"]);
    expect(preview.people.map((row) => row.action)).toEqual(["invite"]);
    const peopleCsv = await inSpanish.onboarding.template({ ...base, format: "csv", kind: "people" });
    expect(Buffer.from(peopleCsv.base64, "base64").toString("utf8")).toContain("correo electrónico,nombre,organización,rol");

    // Headings mixed from both languages and the keys, written loosely, name the same columns.
    const mixed = await workbook({
      PERSONAS: [["Correo electronico", "Name", "organization", "ROL"], ["ana@example.org", "Ana", "", "Coordinación"]],
      organizations: [["Nombre", "primary discipline", "task_force_role"], ["City Clinic", "Health", ""]],
    });
    const read = await inSpanish.onboarding.preview({ ...base, fileName: "mixed.xlsx", contentBase64: mixed });
    expect(read.people).toEqual([expect.objectContaining({ email: "ana@example.org", role: "coordinator", action: "invite" })]);
    expect(read.organizations).toEqual([expect.objectContaining({ name: "City Clinic", action: "create" })]);

    // What cannot be read is named in the reader's words.
    const unknownSheet = domainErrorOf(await trpcErrorOf(inSpanish.onboarding.preview({ ...base, fileName: "x.xlsx", contentBase64: await workbook({ Presupuesto: [["a"], ["1"]] }) }), "BAD_REQUEST"));
    expect(unknownSheet).toMatchObject({ messageKey: "importUnknownSheet", values: { sheet: "Presupuesto", organizations: "Organizaciones", people: "Personas" } });
    const noKey = domainErrorOf(await trpcErrorOf(inSpanish.onboarding.preview({ ...base, fileName: "o.csv", contentBase64: csv("región\nNorth\n") }), "BAD_REQUEST"));
    expect(noKey).toMatchObject({ messageKey: "importNoKeyColumn", values: { column: "nombre", sheet: "Organizaciones" } });
  });

  it("is a coordinator's: member staff may not preview or import", async () => {
    const { taskForce, member } = await importingTaskForce();
    const file = { taskForceSlug: taskForce.slug, fileName: "o.csv", contentBase64: csv("name,primary_discipline\nA B,Health\n") };
    await trpcErrorOf(callerFor(member).onboarding.preview(file), "FORBIDDEN");
    await trpcErrorOf(callerFor(member).onboarding.confirm(file), "FORBIDDEN");
  });
});
