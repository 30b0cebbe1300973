import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  AddContactInput,
  ChangeOrganizationStatusInput,
  CreateOrganizationInput,
  RemoveContactInput,
  UpdateOrganizationProfileInput,
} from "./organizations.schemas";
import {
  addOrganizationContact,
  changeOrganizationStatus,
  createOrganization,
  getMemberBalance,
  listTaskForceOrganizations,
  removeOrganizationContact,
  updateOrganizationProfile,
} from "./organizations.service";

export const organizationsRouter = createRouter({
  list: taskForceProcedure("organization.read").query(({ ctx }) => listTaskForceOrganizations(ctx.scope)),
  balance: taskForceProcedure("organization.read").query(({ ctx }) => getMemberBalance(ctx.scope)),
  create: taskForceProcedure("organization.manage")
    .input(CreateOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.scope, input)),
  updateProfile: taskForceProcedure("organization.update")
    .input(UpdateOrganizationProfileInput)
    .mutation(({ ctx, input }) => updateOrganizationProfile(ctx.scope, input)),
  changeStatus: taskForceProcedure("organization.manage")
    .input(ChangeOrganizationStatusInput)
    .mutation(({ ctx, input }) => changeOrganizationStatus(ctx.scope, input)),
  addContact: taskForceProcedure("organization.update")
    .input(AddContactInput)
    .mutation(({ ctx, input }) => addOrganizationContact(ctx.scope, input)),
  removeContact: taskForceProcedure("organization.update")
    .input(RemoveContactInput)
    .mutation(({ ctx, input }) => removeOrganizationContact(ctx.scope, input)),
});
