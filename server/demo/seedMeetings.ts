import { onlyRow } from "@/db/rows";
import type { Database } from "@/server/lib/unitOfWork";
import { actionItems, agendaItems, attendance, committeeMembers, committees, decisions, meetings, minutes, type AuditChanges, type AuditEntity } from "@/db/schema";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { zonedTimeToInstant } from "@/server/domains/meetings/meetings.rules";
import { todayIn } from "@/server/lib/clock";
import { addDays } from "@/server/lib/dates";

/*
 * Demo meeting records for the Riverbend task force: four committees, six held meetings in 2026
 * (four full task-force meetings, a training and a committee meeting) with attendance from several
 * agencies, approved minutes (September's shared with funders), decisions, meeting action items and
 * one upcoming meeting. The prosecutor's office misses the last three full meetings, so the
 * dashboard's discipline coverage alert has something to show; October leaves open actions and an
 * undecided item for the next meeting to carry forward.
 */

type Status = "present" | "absent" | "excused" | "guest";

interface DemoMeeting {
  key: string;
  title: string;
  type: "full_task_force" | "committee" | "training";
  committeeKey?: string;
  day: string;
  location: string;
  status: "held" | "scheduled";
  shared?: boolean;
  /** Email → status, for people (their organization comes from their membership). */
  people: Record<string, Status>;
  /** Organization key → status, for agencies recorded as a whole. */
  organizations?: Record<string, Status>;
  agenda: { title: string; minutes?: string; needsDecision?: boolean; decision?: { text: string; outcome: string; status: "pending" | "in_effect" | "implemented" | "superseded" } }[];
}

const DEMO_COMMITTEES = [
  { key: "victimServices", name: "Victim services committee (demo)", chairOrganizationKey: "shelter", chairEmail: "advocate@example.org", members: ["advocate@example.org", "member@example.org", "nurse@example.org"] },
  { key: "lawEnforcement", name: "Law enforcement committee (demo)", chairOrganizationKey: "sheriff", chairEmail: "deputy@example.org", members: ["deputy@example.org", "inspector@example.org"] },
  { key: "training", name: "Training and outreach committee (demo)", chairOrganizationKey: "clinic", chairEmail: null, members: ["nurse@example.org"] },
  { key: "data", name: "Data committee (demo)", chairOrganizationKey: "labour", chairEmail: null, members: ["inspector@example.org"] },
] as const;

const DEMO_MEETINGS: DemoMeeting[] = [
  {
    key: "may",
    title: "May full task-force meeting (demo)",
    type: "full_task_force",
    day: "2026-05-14",
    location: "Riverbend County Building, room 2 (demo)",
    status: "held",
    people: { "deputy@example.org": "present", "advocate@example.org": "present", "prosecutor@example.org": "present", "nurse@example.org": "present", "inspector@example.org": "absent" },
    organizations: { survivors: "present" },
    agenda: [
      { title: "Welcome and introductions", minutes: "New members introduced themselves." },
      {
        title: "Shared referral form",
        needsDecision: true,
        minutes: "The group reviewed the draft form. Agencies agreed to use it.",
        decision: { text: "Adopt the shared referral form", outcome: "All member agencies use the form from June.", status: "implemented" },
      },
    ],
  },
  {
    key: "june",
    title: "Cross-training: screening basics (demo)",
    type: "training",
    day: "2026-06-18",
    location: "Community Health Clinic training room (demo)",
    status: "held",
    people: { "nurse@example.org": "present", "advocate@example.org": "present", "deputy@example.org": "present", "inspector@example.org": "excused" },
    agenda: [{ title: "Screening basics for all sectors", minutes: "Two-hour session led by the clinic." }],
  },
  {
    key: "july",
    title: "July full task-force meeting (demo)",
    type: "full_task_force",
    day: "2026-07-09",
    location: "Riverbend County Building, room 2 (demo)",
    status: "held",
    people: { "deputy@example.org": "present", "advocate@example.org": "present", "prosecutor@example.org": "excused", "nurse@example.org": "absent", "inspector@example.org": "present" },
    agenda: [
      {
        title: "Quarterly cross-training",
        needsDecision: true,
        minutes: "Members want regular shared training.",
        decision: { text: "Hold a cross-training every quarter", outcome: "The training committee plans the dates.", status: "in_effect" },
      },
    ],
  },
  {
    key: "august",
    title: "Victim services committee (demo)",
    type: "committee",
    committeeKey: "victimServices",
    day: "2026-08-20",
    location: "Safe Harbor office (demo)",
    status: "held",
    people: { "advocate@example.org": "present", "member@example.org": "present", "nurse@example.org": "present" },
    agenda: [{ title: "Shelter bed availability", minutes: "Aggregate bed counts reviewed; no individual cases discussed." }],
  },
  {
    key: "september",
    title: "September full task-force meeting (demo)",
    type: "full_task_force",
    day: "2026-09-10",
    location: "Riverbend County Building, room 2 (demo)",
    status: "held",
    shared: true,
    people: { "deputy@example.org": "present", "advocate@example.org": "present", "prosecutor@example.org": "absent", "nurse@example.org": "present" },
    organizations: { survivors: "present" },
    agenda: [
      {
        title: "Prosecution liaison",
        needsDecision: true,
        minutes: "The task force will ask the prosecutor's office to name a liaison.",
        decision: { text: "Ask the prosecutor's office to name a liaison", outcome: "The coordinator writes to the office.", status: "pending" },
      },
      { title: "MOU renewals", minutes: "Drafts to be collected before October." },
    ],
  },
  {
    key: "october",
    title: "October full task-force meeting (demo)",
    type: "full_task_force",
    day: "2026-10-08",
    location: "Riverbend County Building, room 2 (demo)",
    status: "held",
    people: { "deputy@example.org": "present", "advocate@example.org": "present", "member@example.org": "present", "prosecutor@example.org": "absent", "inspector@example.org": "present", "nurse@example.org": "present" },
    agenda: [
      {
        title: "Statewide screening tool",
        needsDecision: true,
        minutes: "Presentation of the statewide tool; agencies will pilot it.",
        decision: { text: "Pilot the statewide screening tool", outcome: "Shelter and clinic pilot it until January.", status: "in_effect" },
      },
      { title: "Joint referral protocol", needsDecision: true, minutes: "Not enough time; tabled to the next meeting." },
    ],
  },
  {
    key: "january",
    title: "January full task-force meeting (demo)",
    type: "full_task_force",
    day: "2027-01-14",
    location: "Riverbend County Building, room 2 (demo)",
    status: "scheduled",
    people: {},
    agenda: [{ title: "Year in review" }],
  },
];

export async function seedDemoMeetings(
  tx: Database,
  demo: {
    taskForceId: string;
    timeZone: string;
    userIds: Map<string, string>;
    organizationIds: Map<string, string>;
    memberships: readonly { email: string; organizationKey?: string }[];
    organizations: readonly { key: string; primaryDiscipline: string }[];
  },
) {
  const taskForceId = demo.taskForceId;
  const organizationOfUser = (email: string) => {
    const key = demo.memberships.find((membership) => membership.email === email)?.organizationKey;
    return key ? (demo.organizationIds.get(key) ?? null) : null;
  };
  const disciplineOf = (organizationId: string) =>
    demo.organizations.find((organization) => demo.organizationIds.get(organization.key) === organizationId)?.primaryDiscipline ?? null;
  const userOf = (email: string) => {
    const id = demo.userIds.get(email);
    if (!id) throw new Error(`demo seed: unknown demo user ${email}`);
    return id;
  };
  const organizationOf = (key: string) => {
    const id = demo.organizationIds.get(key);
    if (!id) throw new Error(`demo seed: unknown organization ${key}`);
    return id;
  };
  const coordinatorId = userOf("coordinator@example.org");
  const audit = (entity: AuditEntity, entityId: string, changes: AuditChanges) =>
    recordAudit(tx, { taskForceId, actorUserId: null }, { entity, entityId, action: "create", changes });

  const committeeIds = new Map<string, string>();
  for (const committee of DEMO_COMMITTEES) {
    const row = onlyRow(await tx
      .insert(committees)
      .values({ taskForceId, name: committee.name, chairOrganizationId: organizationOf(committee.chairOrganizationKey), chairUserId: committee.chairEmail ? userOf(committee.chairEmail) : null })
      .returning({ id: committees.id }), "demo seed: committee insert");
    committeeIds.set(committee.key, row.id);
    await tx.insert(committeeMembers).values(committee.members.map((email) => ({ taskForceId, committeeId: row.id, userId: userOf(email) })));
    await audit("committee", row.id, { name: { from: null, to: committee.name } });
  }

  const meetingIds = new Map<string, string>();
  const agendaIds = new Map<string, string>();
  for (const plan of DEMO_MEETINGS) {
    const startsAt = zonedTimeToInstant(`${plan.day}T10:00`, demo.timeZone);
    const endsAt = zonedTimeToInstant(`${plan.day}T12:00`, demo.timeZone);
    if (!startsAt || !endsAt) throw new Error(`demo seed: bad meeting day ${plan.day}`);
    const approved = plan.status === "held";
    const meeting = onlyRow(await tx
      .insert(meetings)
      .values({
        taskForceId,
        committeeId: plan.committeeKey ? (committeeIds.get(plan.committeeKey) ?? null) : null,
        title: plan.title,
        type: plan.type,
        startsAt,
        endsAt,
        timeZone: demo.timeZone,
        location: plan.location,
        status: plan.status,
        minutesStatus: approved ? "approved" : "draft",
        minutesApprovedAt: approved ? new Date(endsAt.getTime() + 14 * 86_400_000) : null,
        minutesApprovedByUserId: approved ? coordinatorId : null,
        minutesSharedWithFunders: plan.shared ?? false,
        createdByUserId: coordinatorId,
        createdAt: new Date(startsAt.getTime() - 21 * 86_400_000),
        updatedAt: new Date(startsAt.getTime() - 21 * 86_400_000),
      })
      .returning({ id: meetings.id }), "demo seed: meeting insert");
    meetingIds.set(plan.key, meeting.id);
    await audit("meeting", meeting.id, { title: { from: null, to: plan.title }, startsAt: { from: null, to: startsAt.toISOString() } });

    for (const [index, item] of plan.agenda.entries()) {
      const row = onlyRow(await tx
        .insert(agendaItems)
        .values({ taskForceId, meetingId: meeting.id, position: index + 1, title: item.title, needsDecision: item.needsDecision ?? false })
        .returning({ id: agendaItems.id }), "demo seed: agenda insert");
      agendaIds.set(`${plan.key}:${item.title}`, row.id);
      if (item.minutes) await tx.insert(minutes).values({ taskForceId, meetingId: meeting.id, agendaItemId: row.id, body: item.minutes, updatedByUserId: coordinatorId, updatedAt: endsAt });
      if (item.decision) {
        await tx.insert(decisions).values({ taskForceId, meetingId: meeting.id, agendaItemId: row.id, ...item.decision, createdByUserId: coordinatorId, createdAt: endsAt, updatedAt: endsAt });
      }
    }

    const rows = [
      ...Object.entries(plan.people).map(([email, status]) => ({ userId: userOf(email) as string | null, organizationId: organizationOfUser(email), status })),
      ...Object.entries(plan.organizations ?? {}).map(([key, status]) => ({ userId: null, organizationId: organizationOf(key), status })),
    ];
    if (rows.length > 0) {
      await tx.insert(attendance).values(
        rows.map((row) => ({
          taskForceId,
          meetingId: meeting.id,
          userId: row.userId,
          organizationId: row.organizationId,
          status: row.status,
          discipline: row.organizationId ? disciplineOf(row.organizationId) : null,
          recordedByUserId: coordinatorId,
          recordedAt: endsAt,
        })),
      );
    }
  }

  // Meeting action items in the one tracker: September's MOU drafts are still open and were
  // carried into October's agenda; October adds two open ones and one done.
  // Due dates count from the task force's today, not UTC's (which runs ahead of Chicago's evening).
  const today = todayIn(demo.timeZone);
  const dueIn = (days: number) => addDays(today, days);
  const septemberId = meetingIds.get("september")!;
  const octoberId = meetingIds.get("october")!;
  const planned = [
    { meetingId: septemberId, title: "Collect the MOU renewal drafts (demo)", email: "deputy@example.org", dueOn: dueIn(10), status: "to_do" as const },
    { meetingId: octoberId, title: "Draft the joint referral protocol (demo)", email: "advocate@example.org", dueOn: dueIn(30), status: "to_do" as const },
    { meetingId: octoberId, title: "Share the cross-training calendar (demo)", email: "nurse@example.org", dueOn: dueIn(20), status: "doing" as const },
    { meetingId: octoberId, title: "Book the January meeting room (demo)", email: "inspector@example.org", dueOn: null, status: "done" as const },
  ];
  for (const action of planned) {
    const row = onlyRow(await tx
      .insert(actionItems)
      .values({
        taskForceId,
        meetingId: action.meetingId,
        title: action.title,
        assigneeUserId: userOf(action.email),
        assigneeOrganizationId: organizationOfUser(action.email),
        dueOn: action.dueOn,
        status: action.status,
        completedAt: action.status === "done" ? new Date("2026-10-20T15:00:00Z") : null,
        createdByUserId: coordinatorId,
        updatedByUserId: coordinatorId,
      })
      .returning({ id: actionItems.id }), "demo seed: action insert");
    await audit("actionItem", row.id, { title: { from: null, to: action.title }, meetingId: { from: null, to: action.meetingId } });
    if (action.meetingId === septemberId) {
      await tx.insert(agendaItems).values({ taskForceId, meetingId: octoberId, position: 3, title: action.title, carriedActionItemId: row.id });
    }
  }
}
