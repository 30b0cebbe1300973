import { readFile } from "node:fs/promises";
import { expect, test } from "./test";
import JSZip from "jszip";
import { createOwnTaskForce, expectNoAxeViolations, fill, messageBefore, messages, newSignedInPage, openInApp, signInByApi, translate, USERS } from "./fixtures";

/*
 * Moving a task force: its coordinator downloads everything from Settings, and the administrator
 * imports the file as a new task force. The task force is this spec's own (created here), so the
 * copy never shows up in the demo people's task-force switchers that other specs look at.
 */

test.describe("moving a task force", () => {
  test("a coordinator downloads everything and an administrator imports it as a new task force", async ({ page, browser }) => {
    // A task force of its own, a whole archive downloaded, a refused upload and an import: heavy work.
    test.slow();
    const own = await createOwnTaskForce(browser, "archive");
    const moved = `${own.slug}-moved`;
    await signInByApi(page.request, own.coordinator.email, own.coordinator.password);
    await openInApp(page, `/tf/${own.slug}/settings`);
    await expect(page.getByRole("heading", { name: messages.settings.exportTitle })).toBeVisible();
    await expectNoAxeViolations(page, "settings with the export");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: messages.settings.exportButton }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${own.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const file = await download.path();
    const zip = await JSZip.loadAsync(await readFile(file));
    const manifest = JSON.parse((await zip.file("manifest.json")?.async("string")) ?? "{}") as { format?: string; taskForce?: { slug?: string } };
    expect(manifest).toMatchObject({ format: "task-force-roadmap/task-force-archive", taskForce: { slug: own.slug } });

    // The download is in the audit log, by the coordinator.
    await openInApp(page, `/tf/${own.slug}/settings/audit`);
    await expect(page.getByRole("row").filter({ hasText: messages.audit.actions.export }).first()).toContainText(own.coordinator.name);

    const { context: adminContext, page: admin } = await newSignedInPage(browser, USERS.admin);
    try {
      await openInApp(admin, "/admin/task-forces");
      const form = admin.getByRole("region", { name: messages.admin.importTitle });
      // A file that is not an archive is refused with a sentence, next to the file field.
      await form.getByLabel(messages.admin.importFile).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\n") });
      await form.getByRole("button", { name: messages.admin.importSubmit }).click();
      await expect(form.getByRole("alert")).toContainText(messages.errors.archiveUnreadable.slice(0, 40));

      await form.getByLabel(messages.admin.importFile).setInputFiles(file);
      await form.getByLabel(messages.admin.importSlug).fill(moved);
      await form.getByRole("button", { name: messages.admin.importSubmit }).click();
      await expect(form.getByRole("status")).toContainText(fill(messageBefore(messages.admin.imported, "records"), { name: own.name, slug: moved }));
      // Both people it names (its coordinator, and the administrator who created it and invited them)
      // already have an account on this installation.
      await expect(form.getByRole("status")).toContainText(translate("admin.importPeopleMatched", { count: 2 }));
      await expect(admin.getByRole("rowheader", { name: own.name })).toHaveCount(2);
      await expectNoAxeViolations(admin, "task force administration after an import");
    } finally {
      await adminContext.close();
    }

    // The coordinator, matched by email, coordinates the copy too.
    await openInApp(page, `/tf/${moved}/settings`);
    await expect(page.getByRole("heading", { name: messages.settings.exportTitle })).toBeVisible();
  });
});
