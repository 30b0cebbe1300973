import { getDb, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { findOrganization } from "@/server/domains/organizations";
import { findActiveMember, listActiveMemberships } from "./people.queries";

/*
 * Who may be given work in a task force — own a gap or a grant requirement, be assigned an action
 * item, chair or sit on a committee, own an MOU's renewal, take over a departing colleague's work:
 * an active member whose role holds "work.own" (coordinators and members). Funders and viewers
 * follow the task force from outside; naming one would send them reminders and notices about
 * records their role may not read. One rule, used by every service that stores such a person and
 * by the pickers (people.assignable), so the choices offered are the choices accepted.
 */

/** The person when they may be given work in the task force; null otherwise (not a member, left, or a read-only role). */
export async function findAssignablePerson(db: Database, taskForceId: string, userId: string) {
  const person = await findActiveMember(db, taskForceId, userId);
  return person && can(person.role, "work.own") ? person : null;
}

/** Everyone in the task force who may be given work, by name: what owner and assignee pickers offer. */
export async function listAssignablePeople(scope: TaskForceScope) {
  const people = await listActiveMemberships(await getDb(), scope.taskForceId);
  return people
    .filter((person) => can(person.role, "work.own"))
    .map(({ userId, name, organizationId, organizationName }) => ({ userId, name, organizationId, organizationName }));
}

/**
 * The organization and person of a piece of work (a gap's owner, an action's assignee), when given,
 * must belong to this task force, the person as someone who may be given work; a person who
 * belongs to an organization cannot be paired with another one. `fields` name the inputs an error
 * points at. Returns the organization to store: the person's own when none was given.
 */
export async function checkOwner(
  db: Database,
  scope: TaskForceScope,
  owner: { organizationId: string | null; userId: string | null },
  fields: { organization: string; person: string },
): Promise<string | null> {
  if (owner.organizationId && !(await findOrganization(db, scope.taskForceId, owner.organizationId))) {
    throw new DomainError("INVALID", "unknownOrganization", {}, fields.organization);
  }
  if (!owner.userId) return owner.organizationId;
  const person = await findAssignablePerson(db, scope.taskForceId, owner.userId);
  if (!person) throw new DomainError("INVALID", "unknownPerson", {}, fields.person);
  if (owner.organizationId && person.organizationId && person.organizationId !== owner.organizationId) {
    throw new DomainError("INVALID", "personNotInOrganization", { name: person.name }, fields.person);
  }
  return owner.organizationId ?? person.organizationId;
}
