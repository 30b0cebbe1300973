import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./test";
import {
  LAKESHORE,
  listOrganizations,
  listPeople,
  messages,
  newSignedInPage,
  ok,
  RIVERBEND,
  RIVERBEND_NAME,
  signInByApi,
  trpcMutation,
  trpcQuery,
  uniqueEmail,
  USERS,
  type TrpcResult,
} from "./fixtures";

/*
 * Cross-tenant isolation: the coordinator of Lakeshore has every right in Lakeshore and none in
 * Riverbend. Neither Riverbend's pages nor its API reveal or change anything; the answer is the same
 * "not found" as for a task force that does not exist. Afterwards Riverbend's coordinator checks that
 * nothing changed.
 */

const RIVERBEND_PAGES = [
  "dashboard",
  "assessments",
  "gaps",
  "meetings",
  "members",
  "members/people",
  "grants",
  "settings",
  "settings/audit",
];

/** Everything of Riverbend that its coordinator can read, to compare before and after. */
async function riverbendSnapshot(request: APIRequestContext) {
  const input = { taskForceSlug: RIVERBEND };
  return {
    taskForce: ok(await trpcQuery(request, "taskForce.get", input), "taskForce.get"),
    people: await listPeople(request, RIVERBEND),
    organizations: await listOrganizations(request, RIVERBEND),
    invitations: ok(await trpcQuery(request, "invitation.list", input), "invitation.list"),
    audit: ok(await trpcQuery(request, "audit.list", { ...input, limit: 200 }), "audit.list"),
  };
}

function expectNotFound(result: TrpcResult, what: string) {
  expect(result.error?.code, `${what}: ${JSON.stringify(result.error?.raw ?? result.data)}`).toBe("NOT_FOUND");
  expect(result.status, what).toBe(404);
  expect(result.data, what).toBeUndefined();
}

test.describe("a coordinator of another task force", () => {
  test("gets the not-found page for every Riverbend page", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.lakeshoreCoordinator);
    for (const path of RIVERBEND_PAGES) {
      const response = await page.goto(`/tf/${RIVERBEND}/${path}`);
      expect(response?.status(), `/tf/${RIVERBEND}/${path}`).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: messages.errors.notFoundTitle })).toBeVisible();
      await expect(page.getByText(RIVERBEND_NAME)).toHaveCount(0);
    }
    // The switcher offers only their own task force.
    await expect(page.getByRole("link", { name: RIVERBEND_NAME })).toHaveCount(0);
  });

  test("can neither read nor change Riverbend through the API", async ({ page, browser }) => {
    test.slow();
    // Riverbend's own coordinator: real ids to aim at, a pending invitation, and the state before.
    const { context: riverbend } = await newSignedInPage(browser, USERS.coordinator);
    try {
      const people = await listPeople(riverbend.request, RIVERBEND);
      const viewer = people.find((person) => person.email === USERS.viewer);
      const coordinator = people.find((person) => person.email === USERS.coordinator);
      expect(viewer && coordinator, "demo viewer and coordinator in Riverbend").toBeTruthy();
      const [organization] = await listOrganizations(riverbend.request, RIVERBEND);
      expect(organization).toBeTruthy();
      const pending = ok(
        await trpcMutation<{ invitationId: string }>(riverbend.request, "invitation.create", {
          taskForceSlug: RIVERBEND,
          email: uniqueEmail("tenancy-pending"),
          role: "viewer",
          organizationId: null,
        }),
        "invitation.create (setup)",
      );
      const before = await riverbendSnapshot(riverbend.request);

      await signInByApi(page.request, USERS.lakeshoreCoordinator);
      const api = page.request;
      const slug = { taskForceSlug: RIVERBEND };

      // Reading: every query of a task force answers NOT_FOUND, revealing nothing.
      for (const [path, input] of [
        ["taskForce.get", slug],
        ["people.list", slug],
        ["organization.list", slug],
        ["invitation.list", slug],
        ["audit.list", { ...slug, limit: 50 }],
      ] as const) {
        expectNotFound(await trpcQuery(api, path, input), `GET ${path}`);
      }

      // Changing, with Riverbend's slug: NOT_FOUND before anything is looked at.
      const hostile = "Lakeshore was here";
      for (const [path, input] of [
        ["organization.create", { ...slug, name: hostile, primaryDiscipline: "other" }],
        ["people.update", { ...slug, membershipId: viewer?.membershipId, role: "coordinator", organizationId: null }],
        ["people.update", { ...slug, membershipId: coordinator?.membershipId, role: "viewer", organizationId: null }],
        ["people.end", { ...slug, membershipId: viewer?.membershipId }],
        ["invitation.create", { ...slug, email: uniqueEmail("tenancy-attack"), role: "coordinator", organizationId: null }],
        ["invitation.revoke", { ...slug, invitationId: pending.invitationId }],
        ["taskForce.update", { ...slug, name: hostile, timeZone: "UTC" }],
      ] as const) {
        expectNotFound(await trpcMutation(api, path, input), `POST ${path}`);
      }

      // Changing Riverbend's records by id through Lakeshore, where they have every right: not found there either.
      const own = { taskForceSlug: LAKESHORE };
      expectNotFound(
        await trpcMutation(api, "people.update", { ...own, membershipId: viewer?.membershipId, role: "coordinator", organizationId: null }),
        "people.update of a Riverbend membership via Lakeshore",
      );
      expectNotFound(await trpcMutation(api, "people.end", { ...own, membershipId: viewer?.membershipId }), "people.end via Lakeshore");
      expectNotFound(
        await trpcMutation(api, "invitation.revoke", { ...own, invitationId: pending.invitationId }),
        "invitation.revoke of a Riverbend invitation via Lakeshore",
      );
      const foreignOrganization = await trpcMutation(api, "invitation.create", {
        ...own,
        email: uniqueEmail("tenancy-org"),
        role: "member",
        organizationId: organization?.id,
      });
      expect(foreignOrganization.error?.code, "a Riverbend organization used in Lakeshore").toBe("BAD_REQUEST");

      // Riverbend's coordinator sees exactly what was there before.
      const after = await riverbendSnapshot(riverbend.request);
      expect(after).toEqual(before);
      expect(JSON.stringify(after)).not.toContain(hostile);
    } finally {
      await riverbend.close();
    }
  });
});

test.describe("roles within a task force", () => {
  test("a funder may not invite (403) nor read the staff directory", async ({ request }) => {
    await signInByApi(request, USERS.funder);
    const invited = await trpcMutation(request, "invitation.create", {
      taskForceSlug: RIVERBEND,
      email: uniqueEmail("by-funder"),
      role: "viewer",
      organizationId: null,
    });
    expect(invited.status).toBe(403);
    expect(invited.error?.code).toBe("FORBIDDEN");

    const people = await trpcQuery(request, "people.list", { taskForceSlug: RIVERBEND });
    expect(people.status).toBe(403);
    // What the funder may read still works.
    ok(await trpcQuery(request, "taskForce.get", { taskForceSlug: RIVERBEND }), "taskForce.get as funder");
  });

  test("a viewer may not change anything", async ({ request }) => {
    await signInByApi(request, USERS.viewer);
    const renamed = await trpcMutation(request, "taskForce.update", { taskForceSlug: RIVERBEND, name: "Renamed by viewer", timeZone: "UTC" });
    expect(renamed.status).toBe(403);
    const organization = await trpcMutation(request, "organization.create", {
      taskForceSlug: RIVERBEND,
      name: "Added by viewer",
      primaryDiscipline: "other",
    });
    expect(organization.status).toBe(403);
  });
});
