import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, taskForces } from "@/db/schema";
import { PORTFOLIO_ROLES } from "@/server/auth/permissions";

/** The task forces the person funds: active memberships in a portfolio role, nothing else. */
export function listFundedTaskForces(db: Database, userId: string) {
  return db
    .select({ id: taskForces.id, slug: taskForces.slug, name: taskForces.name, timeZone: taskForces.timeZone })
    .from(memberships)
    .innerJoin(taskForces, eq(taskForces.id, memberships.taskForceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt), inArray(memberships.role, [...PORTFOLIO_ROLES])))
    .orderBy(asc(taskForces.name));
}
