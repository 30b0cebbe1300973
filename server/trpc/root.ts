import { accountRouter } from "@/server/domains/account/account.router";
import { assessmentsRouter } from "@/server/domains/assessments/assessments.router";
import { auditRouter } from "@/server/domains/audit/audit.router";
import { contributionsRouter } from "@/server/domains/contributions/contributions.router";
import { actionItemsRouter } from "@/server/domains/actionItems/actionItems.router";
import { gapsRouter } from "@/server/domains/gaps/gaps.router";
import { frameworksRouter } from "@/server/domains/frameworks/frameworks.router";
import { meetingsRouter } from "@/server/domains/meetings/meetings.router";
import { committeesRouter } from "@/server/domains/committees/committees.router";
import { invitationsRouter } from "@/server/domains/invitations/invitations.router";
import { notificationsRouter } from "@/server/domains/notifications/notifications.router";
import { organizationsRouter } from "@/server/domains/organizations/organizations.router";
import { organizationProfileRouter } from "@/server/domains/organizationProfile/organizationProfile.router";
import { peopleRouter } from "@/server/domains/people/people.router";
import { createHandoffRouter } from "@/server/domains/people/handoff.router";
import { openActionItems } from "@/server/domains/actionItems/actionItems.handoff";
import { openGaps } from "@/server/domains/gaps/gaps.handoff";
import { committeeChairs } from "@/server/domains/committees/committees.service";
import { mouSignatories } from "@/server/domains/mous/mous.handoff";
import { mousRouter } from "@/server/domains/mous/mous.router";
import { onboardingRouter } from "@/server/domains/onboarding/onboarding.router";
import { protocolsRouter } from "@/server/domains/protocols/protocols.router";
import { adminTaskForcesRouter, taskForcesRouter } from "@/server/domains/taskForces/taskForces.router";
import { demoRouter } from "@/server/domains/demo/demo.router";
import { dashboardRouter } from "@/server/domains/dashboard/dashboard.router";
import { funderRouter } from "@/server/domains/funder/funder.router";
import { adminFundingProgramsRouter, fundingProgramsRouter } from "@/server/domains/fundingPrograms/fundingPrograms.router";
import { grantsRouter } from "@/server/domains/grants/grants.router";
import { adminJobsRouter, jobsRouter } from "@/server/domains/jobs/jobs.router";
import { reportsRouter } from "@/server/domains/reports/reports.router";
import { adminTaskForceArchiveRouter, taskForceArchiveRouter } from "@/server/domains/taskForceArchive/archive.router";
import { createCallerFactory, createRouter, mergeRouters } from "./init";

/**
 * What a departing person can hold, in the order the handoff page lists it. Each kind lives in the
 * domain that keeps it, above people; the list is put together here so people need import none.
 */
const RESPONSIBILITY_KINDS = [openActionItems, openGaps, mouSignatories, committeeChairs];

export const appRouter = createRouter({
  account: accountRouter,
  taskForce: mergeRouters(taskForcesRouter, taskForceArchiveRouter),
  people: mergeRouters(peopleRouter, createHandoffRouter(RESPONSIBILITY_KINDS)),
  invitation: invitationsRouter,
  onboarding: onboardingRouter,
  organization: mergeRouters(organizationsRouter, organizationProfileRouter),
  audit: auditRouter,
  notification: notificationsRouter,
  assessment: assessmentsRouter,
  framework: frameworksRouter,
  gap: gapsRouter,
  actionItem: actionItemsRouter,
  meeting: meetingsRouter,
  committee: committeesRouter,
  mou: mousRouter,
  protocol: protocolsRouter,
  contribution: contributionsRouter,
  grant: grantsRouter,
  report: reportsRouter,
  dashboard: dashboardRouter,
  funder: funderRouter,
  fundingProgram: fundingProgramsRouter,
  job: jobsRouter,
  demo: demoRouter,
  admin: createRouter({ taskForce: mergeRouters(adminTaskForcesRouter, adminTaskForceArchiveRouter), jobs: adminJobsRouter, fundingProgram: adminFundingProgramsRouter }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
