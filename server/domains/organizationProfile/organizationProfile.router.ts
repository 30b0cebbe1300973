import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { OrganizationInput } from "@/server/domains/organizations/organizations.schemas";
import { getOrganizationPage } from "./organizationProfile.service";

/** Served as `organization.get` (server/trpc/root.ts merges it with the organizations router). */
export const organizationProfileRouter = createRouter({
  get: taskForceProcedure("organization.read")
    .input(OrganizationInput)
    .query(({ ctx, input }) => getOrganizationPage(ctx.scope, input)),
});
