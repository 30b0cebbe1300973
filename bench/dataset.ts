import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  actionItems,
  agreedStages,
  assessmentRounds,
  attendance,
  committeeMembers,
  committees,
  contributionInKindItems,
  contributionReports,
  contributionSettings,
  contributionValues,
  elementTargets,
  gapEvents,
  gaps,
  meetings,
  memberships,
  mouParties,
  mouSignatories,
  mous,
  organizations,
  organizationStatusHistory,
  protocols,
  PROTOCOL_TOPICS,
  responses,
  responseSubmissions,
  taskForces,
  users,
  type GAP_STATUSES,
  type MEMBERSHIP_STATUSES,
} from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/trpc/context";
import { SERVICE_TYPES, SIMPLE_MEASURES, TRAINING_SECTORS } from "@/server/domains/contributions/contributions.measures";
import { periodContaining, previousPeriod, type Period } from "@/server/domains/contributions/periods";
import { DEFAULT_FRAMEWORK_CONTENT } from "@/server/domains/frameworks/defaultFrameworkContent";
import { DEFAULT_FRAMEWORK_KEY, findFrameworkByKey, findLatestVersionOfFramework } from "@/server/domains/frameworks/frameworks.queries";
import { addDays } from "@/server/lib/dates";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { seededRandom, type Random } from "./random";

/*
 * The benchmark's data set: one large, long-running task force (the one measured) and others
 * beside it — twenty smaller ones (BENCH_SIZE), or 499 as a national deployment might hold
 * (NATIONAL_SIZE) — so that every query has to pick one tenant's rows out of many, as in a real
 * deployment. Everything is invented: "Bench Task Force 3", "Agency 12 (bench)", addresses at
 * example.org, and no survivor or case data of any kind.
 *
 * The volume is bulk-inserted (chunked multi-row inserts, ids drawn up front so rows can reference
 * each other, a few task forces at a time so that a national data set is never whole in memory) in
 * the shape the schema demands: composite tenant foreign keys, check constraints, enums. The few
 * records whose rules are complex (grant awards with the ECM template, evidence links, generated
 * reports) go through the real procedures afterwards (datasetGrants.ts).
 *
 * Deterministic: a fixed seed, and every date counted back from `now`, which the caller passes in
 * (midnight UTC of the measured task force's today in its own zone, never UTC's date), so the data
 * stand in the same place relative to "today" on every run. Today matters because the procedures
 * measured use the real clock.
 */

/** How big one task force is. */
export interface TaskForceProfile {
  organizations: number;
  people: number;
  /** Years of history up to now. */
  years: number;
  committees: number;
  /** How many people sign in at a full task-force meeting. */
  fullMeetingAttendance: [number, number];
  gaps: number;
  actionItems: number;
  /** Assessment rounds; the last one is still open. */
  rounds: number;
  /** People answering each round (every element of the default framework). */
  respondents: number;
  /** Awards created through the API (datasetGrants.ts). */
  grants: number;
  mous: number;
  protocols: number;
  /** How many measures besides staff hours a contribution report fills in. */
  measuresPerReport: [number, number];
}

/** A large task force five years in: the one whose dashboard is measured. */
export const MEASURED_PROFILE: TaskForceProfile = {
  organizations: 60,
  people: 150,
  years: 5,
  committees: 6,
  fullMeetingAttendance: [32, 40],
  gaps: 400,
  actionItems: 1500,
  rounds: 10,
  respondents: 40,
  grants: 3,
  mous: 30,
  protocols: 9,
  measuresPerReport: [3, 7],
};

/**
 * The measured task force of the benches over HTTP, as issue 17 describes it: 44 organizations,
 * of which (with the bench's seed) 40 have staff and 4 are prospective, and enough people that 200
 * of them are current coordinators and members.
 */
export const HTTP_PROFILE: TaskForceProfile = { ...MEASURED_PROFILE, organizations: 44, people: 240 };

/** How many task forces the portfolio funder funds (the measured one among them). */
export const FUNDED_TASK_FORCES = 5;

export const BENCH_SEED = 20_261_203;
/** Every bench account has it; the data set lives only as long as one run (the HTTP bench signs in with it). */
export const BENCH_PASSWORD = "bench-password-not-secret";

function otherProfile(random: Random): TaskForceProfile {
  const organizations = random.int(10, 30);
  const years = random.int(1, 4);
  const gapCount = random.int(25, 120);
  return {
    organizations,
    people: Math.round(organizations * (2 + random.next())),
    years,
    committees: random.int(1, 3),
    fullMeetingAttendance: [Math.round(organizations * 0.5), organizations],
    gaps: gapCount,
    actionItems: gapCount * random.int(2, 4),
    rounds: years,
    respondents: Math.min(15, organizations),
    grants: 1,
    mous: random.int(3, 10),
    protocols: random.int(2, 6),
    measuresPerReport: [3, 7],
  };
}

/**
 * A task force of a national deployment: 25 to 75 agencies, three to five years in, about a hundred
 * meetings, 2,000 assessment responses and 4,000 contribution values each, so that 499 of them make
 * the volumes of issue 17 (25,000 organizations, 50,000 meetings, a million attendance rows and
 * responses, two million contribution values).
 */
function nationalProfile(random: Random): TaskForceProfile {
  const organizations = random.int(25, 75);
  const years = random.int(3, 5);
  return {
    ...otherProfile(random),
    organizations,
    people: Math.round(organizations * (2 + random.next())),
    years,
    fullMeetingAttendance: [Math.round(organizations * 0.5), organizations],
    rounds: years,
    respondents: 22,
    measuresPerReport: [1, 3],
  };
}

/** How many task forces stand beside the measured one, and how each is drawn from the seed. */
export interface DatasetSize {
  otherTaskForces: number;
  /** The profile of task force `index` (2 and up). */
  profileOf(random: Random, index: number): TaskForceProfile;
}

/** The dashboard and HTTP benches: twenty smaller and younger task forces. */
export const BENCH_SIZE: DatasetSize = { otherTaskForces: 20, profileOf: otherProfile };

/**
 * The scale bench: 499 national-sized task forces, but Bench Task Force 2 stays small, so that the
 * statement counts compare with a small task force as in the dashboard bench.
 */
export const NATIONAL_SIZE: DatasetSize = { otherTaskForces: 499, profileOf: (random, index) => (index === 2 ? otherProfile(random) : nationalProfile(random)) };

/** Someone whose membership has not ended: who can sign in and work in the task force today. */
export interface BenchPerson {
  user: SessionUser;
  role: "coordinator" | "member" | "viewer";
  organizationId: string | null;
}

/** One bench task force as the rest of the benchmark needs it. */
export interface BenchTaskForce {
  id: string;
  slug: string;
  name: string;
  profile: TaskForceProfile;
  coordinator: SessionUser;
  /** Its current people, in the order they were made (coordinators first). */
  people: BenchPerson[];
  /** Ids of records the grant evidence links point at. */
  evidenceRecords: { assessmentRounds: string[]; gaps: string[]; meetings: string[]; mous: string[] };
  historyStart: string;
}

export type RowCounts = Record<string, number>;

export interface BenchDataset {
  /** Bench Task Force 1: the large one. */
  measured: BenchTaskForce;
  /** Bench Task Force 2, small: the same widgets on less data tell whether a query count grows with the data. */
  small: BenchTaskForce;
  all: BenchTaskForce[];
  /** Holds a funder membership in FUNDED_TASK_FORCES task forces. */
  portfolioFunder: SessionUser;
  /** Funds the small task force only, to compare the portfolio's query count with one task force. */
  singleFunder: SessionUser;
  /** Rows inserted per table, in all and of the measured task force. */
  rowCounts: { all: RowCounts; measured: RowCounts };
}

/* ---------- rows, collected per table and inserted in foreign-key order ---------- */

/** The tables the bulk load fills, in an order where every row's references are inserted before it. */
const TABLES = {
  users,
  taskForces,
  organizations,
  organizationStatusHistory,
  memberships,
  committees,
  committeeMembers,
  meetings,
  attendance,
  assessmentRounds,
  responseSubmissions,
  responses,
  agreedStages,
  elementTargets,
  gaps,
  gapEvents,
  actionItems,
  contributionSettings,
  contributionReports,
  contributionValues,
  contributionInKindItems,
  mous,
  mouParties,
  mouSignatories,
  protocols,
} as const;

type TableName = keyof typeof TABLES;
type Rows = { [Name in TableName]: (typeof TABLES)[Name]["$inferInsert"][] };

/** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMETERS_PER_INSERT = 30_000;

async function insertChunked<T extends PgTable>(db: Database, table: T, rows: T["$inferInsert"][]) {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / Object.keys(getTableColumns(table)).length));
  for (let start = 0; start < rows.length; start += size) await db.insert(table).values(rows.slice(start, start + size));
}

/* ---------- dates ---------- */

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = (instant: Date) => instant.toISOString().slice(0, 10);
const instantOf = (date: string, hourUtc = 15) => new Date(`${date}T${String(hourUtc).padStart(2, "0")}:00:00Z`);
/** The later of two instants; an event never happens after `now`. */
const notAfter = (instant: Date, limit: Date) => (instant.getTime() > limit.getTime() ? limit : instant);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

const TIME_ZONES = ["America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles", "America/Phoenix", "Pacific/Honolulu"];
const CORE_DISCIPLINES: Discipline[] = ["lawEnforcementLocalState", "victimServices", "prosecution"];
const ELEMENT_KEYS = DEFAULT_FRAMEWORK_CONTENT.areas.flatMap((area) => area.elements.map((element) => element.key));
const COMMITTEE_NAMES = ["Victim services", "Law enforcement", "Training", "Data and research", "Labor trafficking", "Outreach", "Youth", "Policy"];

/* ---------- one task force ---------- */

interface Person {
  user: SessionUser;
  role: "coordinator" | "member" | "viewer";
  organizationId: string | null;
  discipline: string | null;
  startedOn: string;
  endedOn: string | null;
}

interface Organization {
  id: string;
  discipline: Discipline;
  joinedOn: string;
  /** The day it stopped being active, if it did. */
  leftOn: string | null;
  status: (typeof MEMBERSHIP_STATUSES)[number];
}

const activeOn = (date: string) => (record: { startedOn: string; endedOn: string | null }) => record.startedOn <= date && (record.endedOn === null || date < record.endedOn);
const organizationActiveIn = (period: { start: string; end: string }) => (organization: Organization) =>
  organization.status !== "prospective" && organization.joinedOn <= period.end && (organization.leftOn === null || period.start < organization.leftOn);

class TaskForceGenerator {
  private readonly today: string;
  private readonly historyStart: string;
  private readonly organizationsList: Organization[] = [];
  private readonly people: Person[] = [];
  private readonly committeeIds: { id: string; memberIds: string[] }[] = [];
  private readonly heldMeetingIds: string[] = [];
  private readonly closedRounds: { id: string; closedOn: string }[] = [];
  private readonly gapIds: string[] = [];
  private readonly mouIds: string[] = [];
  readonly id: string;
  readonly slug: string;
  readonly name: string;

  constructor(
    private readonly rows: Rows,
    private readonly random: Random,
    private readonly context: { index: number; profile: TaskForceProfile; now: Date; passwordHash: string; frameworkVersionId: string },
  ) {
    this.today = isoDate(context.now);
    this.historyStart = addDays(this.today, -Math.round(context.profile.years * 365.25));
    this.id = random.uuid();
    this.slug = `bench-${context.index}`;
    this.name = `Bench Task Force ${context.index}`;
  }

  private get profile() {
    return this.context.profile;
  }

  /** A date uniformly within the task force's history (or the part of it from `from`). */
  private dateInHistory(from = this.historyStart, to = this.today): string {
    return addDays(from, this.random.int(0, Math.max(0, daysBetween(from, to))));
  }

  generate(): BenchTaskForce {
    const { index } = this.context;
    this.rows.taskForces.push({
      id: this.id,
      slug: this.slug,
      name: this.name,
      timeZone: index === 1 ? "America/Chicago" : this.random.pick(TIME_ZONES),
      createdAt: instantOf(this.historyStart),
    });
    this.addOrganizations();
    const coordinator = this.addPeople();
    this.addCommittees();
    this.addMeetings();
    this.addAssessments();
    this.addGapsAndActions();
    this.addContributions();
    this.addMous();
    this.addProtocols();
    return {
      id: this.id,
      slug: this.slug,
      name: this.name,
      profile: this.profile,
      coordinator,
      people: this.people.filter((person) => person.endedOn === null).map(({ user, role, organizationId }) => ({ user, role, organizationId })),
      evidenceRecords: {
        assessmentRounds: this.closedRounds.map((round) => round.id).slice(-4),
        gaps: this.gapIds.slice(0, 12),
        meetings: this.heldMeetingIds.slice(-6),
        mous: this.mouIds.slice(0, 4),
      },
      historyStart: this.historyStart,
    };
  }

  private user(kind: string, number: number, name: string): SessionUser {
    const user = { id: this.random.uuid(), email: `bench-tf${this.context.index}-${kind}-${number}@example.org`, name, isAdmin: false };
    this.rows.users.push({ ...user, passwordHash: this.context.passwordHash, createdAt: instantOf(this.historyStart) });
    return user;
  }

  private addOrganizations() {
    for (let number = 1; number <= this.profile.organizations; number++) {
      // The first three are the leads and prosecution, so that the ECM calculators find a lead pair and a core partner.
      const discipline = number <= CORE_DISCIPLINES.length ? (CORE_DISCIPLINES[number - 1] as Discipline) : this.random.chance(0.3) ? this.random.pick(CORE_DISCIPLINES) : this.random.pick(DISCIPLINES);
      const founding = number <= 3 || this.random.chance(0.8);
      const joinedOn = founding ? this.historyStart : this.dateInHistory();
      const draw = this.random.next();
      const status = number <= 3 ? "active" : draw < 0.84 ? "active" : draw < 0.92 ? "inactive" : draw < 0.96 ? "withdrawn" : "prospective";
      const leftOn = status === "inactive" || status === "withdrawn" ? this.dateInHistory(joinedOn) : null;
      const organization: Organization = { id: this.random.uuid(), discipline, joinedOn, leftOn, status };
      this.organizationsList.push(organization);
      const additional = this.random.chance(0.3) ? this.random.sample(DISCIPLINES.filter((other) => other !== discipline), this.random.int(1, 2)) : [];
      this.rows.organizations.push({
        id: organization.id,
        taskForceId: this.id,
        name: `Agency ${number} (bench)`,
        primaryDiscipline: discipline,
        additionalDisciplines: additional,
        jurisdictionLevel: this.random.pick(["local", "state", "tribal", "federal", "non_governmental"] as const),
        region: `Region ${this.random.int(1, 6)} (bench)`,
        membershipStatus: status,
        taskForceRole: number === 1 ? "lead_law_enforcement" : number === 2 ? "lead_victim_services" : this.random.chance(0.15) ? "affiliate" : "member",
        createdAt: instantOf(joinedOn),
      });
      const history: { status: (typeof MEMBERSHIP_STATUSES)[number]; effectiveOn: string }[] =
        status === "prospective" ? [{ status, effectiveOn: joinedOn }] : [{ status: "active", effectiveOn: joinedOn }];
      if (leftOn) history.push({ status, effectiveOn: leftOn });
      for (const entry of history) {
        this.rows.organizationStatusHistory.push({ id: this.random.uuid(), taskForceId: this.id, organizationId: organization.id, ...entry, recordedAt: instantOf(entry.effectiveOn) });
      }
    }
  }

  /** People and their memberships; returns the coordinator the benchmark calls as. */
  private addPeople(): SessionUser {
    const { index } = this.context;
    const staffable = this.organizationsList.filter((organization) => organization.status !== "prospective");
    let coordinator: SessionUser | undefined;
    for (let number = 1; number <= this.profile.people; number++) {
      const role = number <= 2 ? "coordinator" : number <= 5 ? "viewer" : "member";
      const user = this.user(role, number, role === "coordinator" ? `Coordinator ${number} of Bench Task Force ${index}` : `Person ${number} (bench)`);
      coordinator ??= user;
      const organization = role === "member" ? (staffable[(number - 6) % staffable.length] as Organization) : null;
      const startedOn = number <= 2 || this.random.chance(0.6) ? this.historyStart : this.dateInHistory();
      // The measured coordinator never leaves; about one person in ten has moved on.
      const endedOn = number > 2 && this.random.chance(0.1) ? this.dateInHistory(startedOn) : null;
      this.people.push({ user, role, organizationId: organization?.id ?? null, discipline: organization?.discipline ?? null, startedOn, endedOn });
      this.rows.memberships.push({
        id: this.random.uuid(),
        taskForceId: this.id,
        userId: user.id,
        role,
        organizationId: organization?.id ?? null,
        startedAt: instantOf(startedOn),
        endedAt: endedOn ? instantOf(endedOn) : null,
      });
    }
    if (!coordinator) throw new Error("a bench task force needs people");
    return coordinator;
  }

  /** The first coordinator records and approves what a task force's staff would. */
  private get coordinatorId(): string | null {
    return this.people[0]?.user.id ?? null;
  }

  private activeOrganizations() {
    return this.organizationsList.filter((organization) => organization.status === "active");
  }

  private members(on: string) {
    return this.people.filter((person) => person.role === "member" && activeOn(on)(person));
  }

  private addCommittees() {
    for (let number = 0; number < this.profile.committees; number++) {
      const id = this.random.uuid();
      const chair = this.random.pick(this.members(this.today));
      const memberIds = [...new Set([chair.user.id, ...this.random.sample(this.members(this.today), this.random.int(6, 14)).map((person) => person.user.id)])];
      this.committeeIds.push({ id, memberIds });
      this.rows.committees.push({
        id,
        taskForceId: this.id,
        name: `${COMMITTEE_NAMES[number % COMMITTEE_NAMES.length]} committee (bench)`,
        chairOrganizationId: chair.organizationId,
        chairUserId: chair.user.id,
        createdAt: instantOf(this.historyStart),
      });
      for (const userId of memberIds) this.rows.committeeMembers.push({ id: this.random.uuid(), taskForceId: this.id, committeeId: id, userId, createdAt: instantOf(this.historyStart) });
    }
  }

  /** A full meeting every month, one committee meeting a month in turn, a training a year; the next two months scheduled. */
  private addMeetings() {
    const months = this.profile.years * 12;
    for (let month = -months; month <= 2; month++) {
      const monthStart = new Date(this.context.now);
      monthStart.setUTCDate(1);
      monthStart.setUTCMonth(monthStart.getUTCMonth() + month);
      const day = isoDate(monthStart);
      this.addMeeting({ date: addDays(day, 9), type: "full_task_force", committee: null, attendees: this.profile.fullMeetingAttendance });
      const committee = this.committeeIds[(month + months) % Math.max(1, this.committeeIds.length)];
      if (committee) this.addMeeting({ date: addDays(day, 16), type: "committee", committee, attendees: [6, 14] });
      if ((month + months) % 12 === 3) this.addMeeting({ date: addDays(day, 20), type: "training", committee: null, attendees: [6, 20] });
    }
  }

  private addMeeting(plan: { date: string; type: "full_task_force" | "committee" | "training"; committee: { id: string; memberIds: string[] } | null; attendees: [number, number] }) {
    const id = this.random.uuid();
    const startsAt = instantOf(plan.date, 15);
    const past = plan.date < this.today;
    const status = !past ? "scheduled" : this.random.chance(0.03) ? "cancelled" : "held";
    // Minutes of held meetings are approved at the next month's meeting; the latest ones are still drafts.
    const approved = status === "held" && daysBetween(plan.date, this.today) > 35;
    this.rows.meetings.push({
      id,
      taskForceId: this.id,
      committeeId: plan.committee?.id ?? null,
      title: `${plan.type === "full_task_force" ? "Full task force meeting" : plan.type === "committee" ? "Committee meeting" : "Partner training"} ${plan.date} (bench)`,
      type: plan.type,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000),
      timeZone: "America/Chicago",
      location: "Conference room B (bench)",
      status,
      minutesStatus: approved ? "approved" : "draft",
      minutesApprovedAt: approved ? instantOf(addDays(plan.date, 30)) : null,
      minutesApprovedByUserId: approved ? this.coordinatorId : null,
      minutesSharedWithFunders: approved && this.random.chance(0.5),
      createdByUserId: this.coordinatorId,
      createdAt: instantOf(addDays(plan.date, -30)),
      updatedAt: notAfter(instantOf(addDays(plan.date, 1)), this.context.now),
    });
    if (status !== "held") return;
    this.heldMeetingIds.push(id);
    const invited = plan.committee
      ? this.people.filter((person) => plan.committee?.memberIds.includes(person.user.id) && activeOn(plan.date)(person))
      : this.members(plan.date);
    const count = Math.min(invited.length, this.random.int(...plan.attendees));
    const recordedAt = notAfter(instantOf(addDays(plan.date, 1)), this.context.now);
    const representedOrganizations = new Set<string>();
    for (const person of this.random.sample(invited, count)) {
      const draw = this.random.next();
      if (person.organizationId) representedOrganizations.add(person.organizationId);
      this.rows.attendance.push({
        id: this.random.uuid(),
        taskForceId: this.id,
        meetingId: id,
        userId: person.user.id,
        organizationId: person.organizationId,
        status: draw < 0.8 ? "present" : draw < 0.9 ? "absent" : draw < 0.98 ? "excused" : "guest",
        discipline: person.discipline,
        recordedByUserId: this.coordinatorId,
        recordedAt,
      });
    }
    // Agencies sometimes sign in as a whole, without naming who came.
    if (plan.type === "full_task_force") {
      const unrepresented = this.organizationsList.filter((organization) => organizationActiveIn({ start: plan.date, end: plan.date })(organization) && !representedOrganizations.has(organization.id));
      for (const organization of this.random.sample(unrepresented, this.random.int(0, 2))) {
        this.rows.attendance.push({ id: this.random.uuid(), taskForceId: this.id, meetingId: id, organizationId: organization.id, status: "present", discipline: organization.discipline, recordedByUserId: this.coordinatorId, recordedAt });
      }
    }
  }

  /** Two rounds a year on the default framework; every earlier one closed, the last still open. */
  private addAssessments() {
    const spacing = Math.floor(daysBetween(this.historyStart, this.today) / this.profile.rounds);
    for (let number = 1; number <= this.profile.rounds; number++) {
      const id = this.random.uuid();
      const open = number === this.profile.rounds;
      const opensOn = open ? addDays(this.today, -10) : addDays(this.historyStart, spacing * number - 30);
      const closesOn = addDays(opensOn, 28);
      const closedOn = open ? null : closesOn;
      this.rows.assessmentRounds.push({
        id,
        taskForceId: this.id,
        title: `Self-assessment ${number} (bench)`,
        frameworkVersionId: this.context.frameworkVersionId,
        status: open ? "open" : "closed",
        audience: "all",
        opensOn,
        closesOn,
        createdByUserId: this.coordinatorId,
        openedAt: instantOf(opensOn),
        closedAt: closedOn ? instantOf(closedOn, 22) : null,
        createdAt: instantOf(addDays(opensOn, -7)),
      });
      if (closedOn) this.closedRounds.push({ id, closedOn });
      // Ratings drift up over the years, as a task force develops.
      const level = 1.5 + (2.5 * number) / this.profile.rounds;
      const respondents = this.random.sample(
        this.people.filter((person) => person.role !== "viewer" && activeOn(opensOn)(person)),
        this.profile.respondents,
      );
      for (const [position, person] of respondents.entries()) {
        const submitted = !open || position % 2 === 0;
        const answeredAt = open ? notAfter(instantOf(addDays(opensOn, 3)), this.context.now) : instantOf(addDays(opensOn, this.random.int(1, 27)));
        this.rows.responseSubmissions.push({
          taskForceId: this.id,
          roundId: id,
          respondentUserId: person.user.id,
          organizationId: person.organizationId,
          discipline: person.discipline,
          startedAt: answeredAt,
          submittedAt: submitted ? answeredAt : null,
        });
        for (const elementKey of ELEMENT_KEYS) {
          const draw = this.random.next();
          const stage = Math.min(5, Math.max(1, Math.round(level + (this.random.next() - 0.5) * 2.4)));
          this.rows.responses.push({
            id: this.random.uuid(),
            taskForceId: this.id,
            roundId: id,
            respondentUserId: person.user.id,
            elementKey,
            ...(draw < 0.86 ? { answer: "stage" as const, stage } : { answer: draw < 0.95 ? ("dont_know" as const) : ("not_applicable" as const), stage: null }),
            updatedAt: answeredAt,
          });
        }
      }
      if (closedOn) {
        for (const elementKey of ELEMENT_KEYS.filter(() => this.random.chance(0.5))) {
          this.rows.agreedStages.push({ taskForceId: this.id, roundId: id, elementKey, stage: Math.min(5, Math.max(1, Math.round(level))), recordedByUserId: this.coordinatorId, recordedAt: instantOf(addDays(closedOn, 14)) });
        }
      }
    }
    for (const elementKey of ELEMENT_KEYS) this.rows.elementTargets.push({ taskForceId: this.id, elementKey, stage: this.random.int(3, 5), updatedByUserId: this.coordinatorId });
  }

  private addGapsAndActions() {
    const activeOrganizations = this.activeOrganizations();
    for (let number = 1; number <= this.profile.gaps; number++) {
      const id = this.random.uuid();
      this.gapIds.push(id);
      const createdOn = this.dateInHistory();
      const age = daysBetween(createdOn, this.today);
      // Old gaps are mostly dealt with; recent ones mostly open.
      const closedShare = Math.min(0.9, age / 900);
      const draw = this.random.next();
      const status: (typeof GAP_STATUSES)[number] =
        draw < closedShare * 0.88 ? "resolved" : draw < closedShare ? "wont_fix" : this.random.pick(["open", "open", "in_progress", "in_progress", "blocked"] as const);
      const resolvedOn = status === "resolved" ? this.dateInHistory(createdOn) : null;
      const currentStage = this.random.int(1, 4);
      const source = this.closedRounds.filter((round) => round.closedOn <= createdOn).at(-1);
      const updatedAt = instantOf(resolvedOn ?? this.dateInHistory(createdOn));
      this.rows.gaps.push({
        id,
        taskForceId: this.id,
        elementKey: this.random.pick(ELEMENT_KEYS),
        title: `Gap ${number} (bench)`,
        description: "A fictional gap for the benchmark.",
        priority: this.random.pick(["high", "medium", "medium", "low"] as const),
        currentStage,
        targetStage: this.random.int(currentStage + 1, 5),
        ownerOrganizationId: this.random.chance(0.7) ? this.random.pick(activeOrganizations).id : null,
        ownerUserId: this.random.chance(0.5) ? this.random.pick(this.members(this.today)).user.id : null,
        dueOn: this.random.chance(0.75) ? addDays(createdOn, this.random.int(30, 540)) : null,
        status,
        statusReason: status === "blocked" || status === "wont_fix" ? "Waiting on a partner agency (bench)." : null,
        sourceRoundId: source && this.random.chance(0.6) ? source.id : null,
        resolvedAt: resolvedOn ? instantOf(resolvedOn) : null,
        version: this.random.int(1, 6),
        createdByUserId: this.coordinatorId,
        updatedByUserId: this.coordinatorId,
        createdAt: instantOf(createdOn),
        updatedAt,
      });
      this.rows.gapEvents.push({ id: this.random.uuid(), taskForceId: this.id, gapId: id, kind: "comment", body: "Discussed at the full meeting (bench).", sharedWithFunders: this.random.chance(0.3), actorUserId: this.coordinatorId, createdAt: instantOf(createdOn) });
      if (status !== "open") {
        this.rows.gapEvents.push({ id: this.random.uuid(), taskForceId: this.id, gapId: id, kind: "status_change", fromStatus: "open", toStatus: status, body: "", actorUserId: this.coordinatorId, createdAt: updatedAt });
      }
    }
    const gapsOf = this.rows.gaps.filter((gap) => gap.taskForceId === this.id);
    for (let number = 1; number <= this.profile.actionItems; number++) {
      const gap = this.random.chance(0.85) ? this.random.pick(gapsOf) : null;
      const createdOn = gap?.createdAt ? this.dateInHistory(isoDate(gap.createdAt)) : this.dateInHistory();
      const age = daysBetween(createdOn, this.today);
      const status = this.random.chance(Math.min(0.92, age / 400)) ? "done" : this.random.pick(["to_do", "doing"] as const);
      const completedOn = status === "done" ? this.dateInHistory(createdOn) : null;
      this.rows.actionItems.push({
        id: this.random.uuid(),
        taskForceId: this.id,
        gapId: gap?.id ?? null,
        meetingId: this.random.chance(0.4) ? this.random.pick(this.heldMeetingIds) : null,
        title: `Action ${number} (bench)`,
        assigneeUserId: this.random.chance(0.8) ? this.random.pick(this.members(this.today)).user.id : null,
        assigneeOrganizationId: this.random.chance(0.5) ? this.random.pick(activeOrganizations).id : null,
        dueOn: this.random.chance(0.8) ? addDays(createdOn, this.random.int(14, 120)) : null,
        status,
        completedAt: completedOn ? instantOf(completedOn) : null,
        createdByUserId: this.coordinatorId,
        updatedByUserId: this.coordinatorId,
        createdAt: instantOf(createdOn),
        updatedAt: instantOf(completedOn ?? createdOn),
      });
    }
  }

  /** A report from every organization active in each quarter of the history; the current quarter is still being filled in. */
  private addContributions() {
    const dueDays = 30;
    this.rows.contributionSettings.push({ taskForceId: this.id, periodLength: "quarter", staffHourlyRateCents: 4_500, consultantHourlyRateCents: 6_000, dueDays, updatedByUserId: this.coordinatorId });
    const current = periodContaining(this.today, "quarter");
    const quarters: Period[] = [current];
    while ((quarters[0] as Period).start > this.historyStart) quarters.unshift(previousPeriod(quarters[0] as Period));
    for (const quarter of quarters) {
      const isCurrent = quarter.key === current.key;
      for (const organization of this.organizationsList.filter(organizationActiveIn(quarter))) {
        // An agency misses a quarter now and then; most have not started on the current one.
        if (this.random.chance(isCurrent ? 0.7 : 0.02)) continue;
        const staff = this.people.find((person) => person.organizationId === organization.id);
        const draw = this.random.next();
        const status = isCurrent ? "draft" : draw < 0.93 ? "submitted" : draw < 0.97 ? "draft" : "returned";
        const submittedOn = addDays(quarter.end, this.random.int(1, 45));
        const submittedAt = status === "submitted" ? notAfter(instantOf(submittedOn), this.context.now) : null;
        const reportId = this.random.uuid();
        this.rows.contributionReports.push({
          id: reportId,
          taskForceId: this.id,
          organizationId: organization.id,
          period: quarter.key,
          periodStart: quarter.start,
          periodEnd: quarter.end,
          status,
          submittedAt,
          submittedByUserId: submittedAt ? (staff?.user.id ?? this.coordinatorId) : null,
          late: submittedAt !== null && daysBetween(quarter.end, isoDate(submittedAt)) > dueDays,
          returnedAt: status === "returned" ? instantOf(addDays(quarter.end, 40)) : null,
          returnedByUserId: status === "returned" ? this.coordinatorId : null,
          returnedReason: status === "returned" ? "Hours look doubled; please check (bench)." : null,
          createdByUserId: staff?.user.id ?? this.coordinatorId,
          updatedByUserId: staff?.user.id ?? this.coordinatorId,
          createdAt: instantOf(isCurrent ? addDays(quarter.start, 5) : quarter.end),
          updatedAt: submittedAt ?? notAfter(instantOf(addDays(quarter.end, 10)), this.context.now),
        });
        this.addContributionValues(reportId, organization);
      }
    }
  }

  private addContributionValues(reportId: string, organization: Organization) {
    const value = (measure: string, dimension: string, amount: number) =>
      this.rows.contributionValues.push({ taskForceId: this.id, reportId, measure, dimension, value: amount });
    value("staffHours", "", this.random.int(10, 400) + this.random.int(0, 3) / 4);
    for (const measure of this.random.sample(SIMPLE_MEASURES.filter((candidate) => candidate !== "staffHours"), this.random.int(...this.profile.measuresPerReport))) {
      value(measure, "", measure === "consultantPaidHours" ? this.random.int(1, 60) + 0.5 : this.random.int(0, 40));
    }
    for (const sector of this.random.sample(TRAINING_SECTORS, this.random.int(0, 3))) value("peopleTrained", sector, this.random.int(1, 60));
    const serviceTypes = organization.discipline === "victimServices" ? this.random.int(3, 8) : this.random.int(0, 2);
    for (const type of this.random.sample(SERVICE_TYPES, serviceTypes)) value("services", type, this.random.int(1, 25));
    if (this.random.chance(0.2)) {
      for (let position = 0; position < this.random.int(1, 2); position++) {
        this.rows.contributionInKindItems.push({ id: this.random.uuid(), taskForceId: this.id, reportId, position, description: `Meeting space and refreshments ${position + 1} (bench)`, estimatedValueCents: this.random.int(5_000, 250_000) });
      }
    }
  }

  private addMous() {
    const active = this.activeOrganizations();
    for (let number = 1; number <= this.profile.mous; number++) {
      const id = this.random.uuid();
      this.mouIds.push(id);
      // The first MOU joins the two leads and is current (the lead-mou calculator looks for it).
      const draw = number === 1 ? 0 : this.random.next();
      const status = draw < 0.68 ? "signed" : draw < 0.8 ? "expired" : draw < 0.9 ? "draft" : "terminated";
      const signedOn = status === "draft" ? null : this.dateInHistory(this.historyStart, addDays(this.today, -30));
      const effectiveOn = signedOn ? addDays(signedOn, this.random.int(0, 30)) : null;
      // Signed ones expire from two months ago to three years ahead, so some are due for renewal today.
      const expiresOn =
        status === "signed" ? addDays(this.today, number === 1 ? 700 : this.random.int(-60, 1_100)) : status === "expired" ? addDays(this.today, -this.random.int(1, 400)) : null;
      this.rows.mous.push({
        id,
        taskForceId: this.id,
        title: `Memorandum of understanding ${number} (bench)`,
        status,
        signedOn,
        effectiveOn: expiresOn && effectiveOn && effectiveOn > expiresOn ? expiresOn : effectiveOn,
        expiresOn,
        sharedWithFunders: this.random.chance(0.5),
        ownerUserId: this.random.chance(0.7) ? this.coordinatorId : this.random.pick(this.members(this.today)).user.id,
        createdByUserId: this.coordinatorId,
        createdAt: instantOf(signedOn ?? this.dateInHistory()),
        updatedAt: instantOf(signedOn ?? this.today),
      });
      const parties = number === 1 ? active.slice(0, 2) : this.random.sample(active, this.random.int(2, 5));
      for (const party of parties) this.rows.mouParties.push({ taskForceId: this.id, mouId: id, organizationId: party.id });
      for (const signatory of this.random.sample(this.members(this.today), this.random.int(1, 3))) {
        this.rows.mouSignatories.push({ taskForceId: this.id, mouId: id, userId: signatory.user.id, signingTitle: "Director (bench)" });
      }
    }
  }

  private addProtocols() {
    for (const [position, topic] of this.random.sample(PROTOCOL_TOPICS, this.profile.protocols).entries()) {
      const status = position === 0 ? "adopted" : this.random.pick(["adopted", "adopted", "under_review", "draft"] as const);
      const adoptedOn = status === "draft" ? null : this.dateInHistory();
      this.rows.protocols.push({
        id: this.random.uuid(),
        taskForceId: this.id,
        topic,
        title: topic === "other" ? "Shared calendar protocol (bench)" : "",
        status,
        adoptedOn,
        nextReviewOn: adoptedOn ? addDays(adoptedOn, this.random.int(365, 900)) : null,
        sharedWithFunders: this.random.chance(0.5),
      });
    }
  }
}

/* ---------- the whole data set ---------- */

function emptyRows(): Rows {
  return Object.fromEntries(Object.keys(TABLES).map((name) => [name, []])) as unknown as Rows;
}

/** Rows generated before they are inserted: the dashboard bench's data set in one go, a national one a few task forces at a time. */
const ROWS_PER_LOAD = 250_000;

const pendingRows = (rows: Rows) => Object.values(rows).reduce((sum, list: object[]) => sum + list.length, 0);

function addCounts(counts: RowCounts, rows: Rows, keep: (row: object) => boolean) {
  for (const [name, list] of Object.entries(rows) as [string, object[]][]) {
    const count = list.filter(keep).length;
    if (count > 0) counts[name] = (counts[name] ?? 0) + count;
  }
}

/**
 * Builds the bulk part of the data set and inserts it table by table, a batch of task forces at a
 * time. The funders' memberships are added here too; awards come afterwards through the API
 * (datasetGrants.ts). `measuredProfile` shapes Bench Task Force 1 (the HTTP bench wants 40 agencies
 * and more people); `size` says how many task forces stand beside it.
 */
export async function generateBulkData(db: Database, now: Date, measuredProfile: TaskForceProfile = MEASURED_PROFILE, size: DatasetSize = BENCH_SIZE): Promise<BenchDataset> {
  const framework = await findFrameworkByKey(db, DEFAULT_FRAMEWORK_KEY);
  const version = framework ? await findLatestVersionOfFramework(db, framework.id) : null;
  if (!version) throw new Error("the default framework is missing; ensureDefaultFramework must run first");
  const random = seededRandom(BENCH_SEED);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let rows = emptyRows();
  const all: BenchTaskForce[] = [];
  const rowCounts: BenchDataset["rowCounts"] = { all: {}, measured: {} };
  const load = async () => {
    const loading = rows;
    rows = emptyRows();
    // One transaction: PGlite commits each statement otherwise, which makes the load several times slower.
    await db.transaction(async (tx) => {
      for (const name of Object.keys(TABLES) as TableName[]) await insertChunked(tx, TABLES[name], loading[name]);
    });
    addCounts(rowCounts.all, loading, () => true);
    addCounts(rowCounts.measured, loading, (row) => "taskForceId" in row && row.taskForceId === all[0]?.id);
  };

  for (let index = 1; index <= size.otherTaskForces + 1; index++) {
    // Each profile is drawn just before its task force, so that the first task forces are the same whatever the size.
    const profile = index === 1 ? measuredProfile : size.profileOf(random, index);
    all.push(new TaskForceGenerator(rows, random, { index, profile, now, passwordHash, frameworkVersionId: version.id }).generate());
    if (pendingRows(rows) >= ROWS_PER_LOAD) await load();
  }
  const [measured, small] = all;
  if (!measured || !small) throw new Error("the data set needs at least two task forces");

  const funder = (email: string, name: string, funded: readonly BenchTaskForce[]): SessionUser => {
    const user = { id: random.uuid(), email, name, isAdmin: false };
    rows.users.push({ ...user, passwordHash, createdAt: instantOf(isoDate(now)) });
    for (const taskForce of funded) rows.memberships.push({ id: random.uuid(), taskForceId: taskForce.id, userId: user.id, role: "funder", startedAt: instantOf(taskForce.historyStart) });
    return user;
  };
  const portfolioFunder = funder("bench-funder-portfolio@example.org", "Program officer (bench)", all.slice(0, FUNDED_TASK_FORCES));
  const singleFunder = funder("bench-funder-single@example.org", "Program officer of one (bench)", [small]);
  await load();
  return { measured, small, all, portfolioFunder, singleFunder, rowCounts };
}
