import { expect, test } from "./test";
import { createInvitedUser, demoDateFromToday, expectNoAxeViolations, listOrganizations, listPeople, messages, newSignedInPage, ok, openInApp, RIVERBEND, signInByApi, translate, trpcMutation, trpcQuery, USERS } from "./fixtures";

/*
 * Member organizations, MOUs and handoff. Each test makes the records it changes (its own MOU, its
 * own departing member); the one demo record it edits (the clinic's region) is read by no other spec.
 */

const SHERIFF = "Riverbend County Sheriff's Office (demo)";
const SHELTER = "Riverbend Safe Harbor Victim Services (demo)";
const CLINIC = "Riverbend Community Health Clinic (demo)";
const suffix = () => Math.random().toString(36).slice(2, 7);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

test.describe("members, MOUs and handoff", () => {
  // Several page loads, uploads and API set-up per test on a two-core machine.
  test.slow();

  test("the coordinator records a signed MOU, attaches the signed PDF, and sees its 90-day renewal warning", async ({ page }) => {
    const t = messages.mous;
    const title = `Leads MOU ${suffix()} (e2e)`;
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, `/tf/${RIVERBEND}/members/mous`);
    const form = page.getByRole("form", { name: t.newTitle });
    await form.getByLabel(t.titleField, { exact: true }).fill(title);
    await form.getByLabel(t.statusField, { exact: true }).selectOption("signed");
    await form.getByRole("checkbox", { name: SHERIFF }).check();
    await form.getByLabel(t.signedOn, { exact: true }).fill(demoDateFromToday(-5));
    await form.getByLabel(t.effectiveOn, { exact: true }).fill(demoDateFromToday(-5));
    // Bad input first: one party only, and an expiry before the effective date.
    await form.getByLabel(t.expiresOn, { exact: true }).fill(demoDateFromToday(-10));
    await form.getByRole("button", { name: t.create }).click();
    await expect(form.getByText(messages.validation.mouTwoParties)).toBeVisible();
    await expect(form.getByText(messages.validation.expiresBeforeEffective)).toBeVisible();
    // What was typed stays; fix it and save.
    await expect(form.getByLabel(t.titleField, { exact: true })).toHaveValue(title);
    await form.getByRole("checkbox", { name: SHELTER }).check();
    await form.getByLabel(t.expiresOn, { exact: true }).fill(demoDateFromToday(80));
    await form.getByRole("button", { name: t.create }).click();
    await expect(page.getByText(t.created.replace("{title}", title))).toBeVisible();

    const card = page.getByRole("article", { name: title });
    await expect(card.getByText(t.expiry.expiringSoon)).toBeVisible();
    const upload = card.getByRole("form", { name: messages.documents.uploadFor.replace("{title}", title) });
    // A program renamed to .pdf is refused by its content, with the reason next to the file input.
    await upload.getByLabel(messages.documents.file).setInputFiles({ name: "signed-mou.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) });
    await upload.getByRole("button", { name: messages.documents.upload }).click();
    await expect(upload.getByText(messages.errors.documentTypeNotAllowed)).toBeVisible();
    await upload.getByLabel(messages.documents.file).setInputFiles({ name: "signed-mou.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.getByRole("button", { name: messages.documents.upload }).click();
    await expect(upload.getByText(messages.documents.uploaded.replace("{filename}", "signed-mou.pdf"))).toBeVisible();
    const download = card.getByRole("link", { name: messages.documents.download.replace("{title}", title) });
    const response = await page.request.get((await download.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toContain("attachment");
    await expectNoAxeViolations(page, "MOUs after upload");

    // The dashboard lists it among the MOUs expiring within 90 days.
    await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
    const renewals = page.getByRole("region", { name: t.renewalsTitle });
    await expect(renewals.getByRole("link", { name: title })).toBeVisible();
  });

  test("the coordinator hands off a departing member's responsibilities in one step", async ({ page, browser }) => {
    const leaver = await createInvitedUser(browser, { role: "member", prefix: "leaver", organizationName: SHELTER });
    const gapTitle = `Gap of a leaver ${suffix()}`;
    const actionTitle = `Action of a leaver ${suffix()}`;
    const { context } = await newSignedInPage(browser, USERS.coordinator);
    let leaverId = "";
    let deputyId = "";
    try {
      const people = await listPeople(context.request, RIVERBEND);
      leaverId = people.find((person) => person.email === leaver.email)?.userId ?? "";
      deputyId = people.find((person) => person.email === "deputy@example.org")?.userId ?? "";
      const framework = ok(
        await trpcQuery<{ content: { areas: { elements: { key: string }[] }[] } }>(context.request, "framework.forTaskForce", { taskForceSlug: RIVERBEND }),
        "framework.forTaskForce",
      );
      const elementKey = framework.content.areas[0]?.elements[0]?.key ?? "";
      const gap = ok(await trpcMutation<{ id: string }>(context.request, "gap.create", { taskForceSlug: RIVERBEND, elementKey, title: gapTitle, ownerUserId: leaverId }), "gap.create");
      ok(await trpcMutation(context.request, "actionItem.create", { taskForceSlug: RIVERBEND, gapId: gap.id, title: actionTitle, assigneeUserId: leaverId }), "actionItem.create");
    } finally {
      await context.close();
    }

    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, `/tf/${RIVERBEND}/members/people`);
    const remove = messages.people.remove.replace("{name}", leaver.name);
    await page.getByRole("button", { name: remove }).click();
    await page.getByRole("dialog").getByRole("button", { name: remove }).click();
    await expect(page.getByText(messages.people.removed.replace("{name}", leaver.name))).toBeVisible();
    await page.getByRole("link", { name: messages.people.handOffNamed.replace("{name}", leaver.name) }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.handoff.title.replace("{name}", leaver.name) })).toBeVisible();
    await expect(page.getByText(gapTitle)).toBeVisible();
    await expect(page.getByText(actionTitle)).toBeVisible();
    await expectNoAxeViolations(page, "handoff");

    await page.getByLabel(messages.handoff.successor).selectOption(deputyId);
    await page.getByRole("button", { name: translate("handoff.submit", { count: 2 }) }).click();
    await expect(page.getByRole("status")).toContainText("Dana Deputy (demo)");
    await expect(page.getByText(gapTitle)).toHaveCount(0);

    const gaps = ok(await trpcQuery<{ gaps: { title: string; ownerUserId: string | null }[] }>(page.request, "gap.list", { taskForceSlug: RIVERBEND }), "gap.list");
    expect(gaps.gaps.find((gap) => gap.title === gapTitle)?.ownerUserId).toBe(deputyId);
  });

  test("a member edits their own organization's profile and contacts, and no other organization's", async ({ page, browser }) => {
    const t = messages.organizations;
    const staff = await createInvitedUser(browser, { role: "member", prefix: "clinic", organizationName: CLINIC });
    await signInByApi(page.request, staff.email, staff.password);
    const organizations = await listOrganizations(page.request, RIVERBEND);
    const clinic = organizations.find((organization) => organization.name === CLINIC);
    const sheriff = organizations.find((organization) => organization.name === SHERIFF);
    await openInApp(page, `/tf/${RIVERBEND}/members/${clinic?.id}`);
    await page.getByRole("button", { name: t.editProfile }).click();
    const region = `North district ${suffix()}`;
    await page.getByLabel(t.region, { exact: true }).fill(region);
    // A member cannot set their organization's task-force role.
    await expect(page.getByLabel(t.role, { exact: true })).toHaveCount(0);
    await page.getByLabel(t.website, { exact: true }).fill("not a web address");
    await page.getByRole("button", { name: t.saveProfile }).click();
    await expect(page.getByText(messages.validation.httpLink)).toBeVisible();
    await page.getByLabel(t.website, { exact: true }).fill("https://clinic.example.org");
    await page.getByRole("button", { name: t.saveProfile }).click();
    await expect(page.getByText(region)).toBeVisible();

    const contact = page.getByRole("form", { name: t.addContactTitle });
    await contact.getByLabel(t.contactName, { exact: true }).fill("Robin Outreach (e2e)");
    await contact.getByLabel(t.workEmail, { exact: true }).fill("robin.outreach@example.org");
    await contact.getByRole("button", { name: t.addContact }).click();
    await expect(page.getByRole("cell", { name: "robin.outreach@example.org" })).toBeVisible();
    await expectNoAxeViolations(page, "organization profile");

    await openInApp(page, `/tf/${RIVERBEND}/members/${sheriff?.id}`);
    await expect(page.getByRole("heading", { level: 1, name: SHERIFF })).toBeVisible();
    await expect(page.getByRole("button", { name: t.editProfile })).toHaveCount(0);
  });

  test("the coordinator adds a protocol on another topic and later records its adoption", async ({ page }) => {
    const t = messages.protocols;
    const title = `Escalation protocol ${suffix()} (e2e)`;
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, `/tf/${RIVERBEND}/members/protocols`);
    const form = page.getByRole("form", { name: t.newTitle });
    await form.getByLabel(t.topicField, { exact: true }).selectOption("other");
    await form.getByRole("button", { name: t.create }).click();
    await expect(form.getByText(messages.validation.protocolTitleRequired)).toBeVisible();
    await form.getByLabel(t.titleField, { exact: true }).fill(title);
    await form.getByRole("button", { name: t.create }).click();
    await expect(page.getByRole("rowheader", { name: title })).toBeVisible();

    await page.getByRole("button", { name: t.editNamed.replace("{title}", title) }).click();
    const edit = page.getByRole("form", { name: t.editNamed.replace("{title}", title) });
    await edit.getByLabel(t.statusField, { exact: true }).selectOption("adopted");
    await edit.getByLabel(t.adoptedOn, { exact: true }).fill(demoDateFromToday(-1));
    await edit.getByRole("button", { name: t.save }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByRole("row", { name: title }).getByRole("cell", { name: t.status.adopted })).toBeVisible();
  });
});
