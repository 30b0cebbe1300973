import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CreateOrganizationInput } from "./organizations.schemas";
import { createOrganization, listTaskForceOrganizations } from "./organizations.service";

export const organizationsRouter = createRouter({
  list: taskForceProcedure("organization.read").query(({ ctx }) => listTaskForceOrganizations(ctx.scope)),
  create: taskForceProcedure("organization.manage")
    .input(CreateOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.scope, input)),
});
