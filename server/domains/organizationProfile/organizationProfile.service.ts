import { getDb } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import type { TaskForceScope } from "@/server/trpc/context";
import { listCommitteesOfOrganization } from "@/server/domains/committees";
import { listMousOfOrganization } from "@/server/domains/mous";
import type { OrganizationInput } from "@/server/domains/organizations/organizations.schemas";
import { getOrganizationProfile } from "@/server/domains/organizations/organizations.service";

/*
 * A member organization's page: its record from the organizations domain, with the MOUs it signed
 * and the committees it sits on. Composed here, above all three, because MOUs and committees refer
 * to organizations: the organizations domain itself knows nothing of either.
 */

export async function getOrganizationPage(scope: TaskForceScope, input: OrganizationInput) {
  const db = await getDb();
  // The MOU and committee reads are tenant-scoped; for an organization that is not the caller's to
  // see, getOrganizationProfile refuses and the whole page with it.
  const [profile, mous, committees] = await Promise.all([
    getOrganizationProfile(scope, input),
    listMousOfOrganization(db, scope.taskForceId, input.organizationId, { sharedOnly: !can(scope.role, "memberRecords.readUnshared") }),
    can(scope.role, "committee.read") ? listCommitteesOfOrganization(db, scope.taskForceId, input.organizationId) : Promise.resolve(null),
  ]);
  return {
    ...profile,
    mous,
    /** null when the caller may not see committees (funders). */
    committees,
  };
}
