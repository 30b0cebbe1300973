import { getDb, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import type { TaskForceScope } from "@/server/trpc/context";
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
