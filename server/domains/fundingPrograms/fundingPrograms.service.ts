import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findAccountByEmail } from "@/server/domains/account";
import { findTaskForce } from "@/server/domains/taskForces";
import { currentTime } from "@/server/lib/clock";
import {
  deleteProgramFunder,
  deleteProgramTaskForce,
  findFundingProgram,
  findProgramFunder,
  insertFundingProgram,
  insertProgramFunder,
  insertProgramTaskForce,
  listFundingPrograms,
  listProgramFunders,
  listProgramsCovering,
  listProgramTaskForces,
  listTaskForceIdsOfProgram,
} from "./fundingPrograms.queries";
import type {
  AddProgramFunderInput,
  CreateFundingProgramInput,
  ProgramOfTaskForceInput,
  ProgramTaskForceInput,
  RemoveProgramFunderInput,
} from "./fundingPrograms.schemas";

/*
 * Funding programs: an administrator creates one and gives it to the funder's program officers; an
 * administrator, or a task force's coordinator for their own task force, puts task forces into it.
 * Its funders then reach each of them with the funder role (resolved in server/domains/access, on
 * every request, so taking a task force out or a funder off takes the access away at once; nobody's
 * session needs ending, since no session holds the access).
 *
 * Each change to who sees a task force is written to that task force's audit log, whoever made it:
 * the task force put in or taken out, and a funder added to or removed from a program that covers it.
 */

const AUDIT_ENTITY = "fundingProgram";

async function loadProgram(tx: Database, programId: string) {
  const program = await findFundingProgram(tx, programId);
  if (!program) throw new DomainError("NOT_FOUND", "fundingProgramNotFound", {}, "programId");
  return program;
}

/* ---------- administrators ---------- */

/** Every program with its funders and the task forces it covers, for the administration page. */
export async function listProgramsForAdmin() {
  const db = await getDb();
  const [programs, funders, taskForces] = await Promise.all([listFundingPrograms(db), listProgramFunders(db), listProgramTaskForces(db)]);
  return programs.map((program) => ({
    ...program,
    funders: funders.filter((funder) => funder.programId === program.id).map(({ userId, name, email, addedAt }) => ({ userId, name, email, addedAt })),
    taskForces: taskForces.filter((taskForce) => taskForce.programId === program.id).map(({ taskForceId, slug, name, addedAt }) => ({ taskForceId, slug, name, addedAt })),
  }));
}

export async function createFundingProgram(admin: SessionUser, input: CreateFundingProgramInput) {
  const created = await insertFundingProgram(await getDb(), { ...input, createdByUserId: admin.id });
  if (!created) throw new DomainError("CONFLICT", "fundingProgramNameTaken", { name: input.name }, "name");
  return created;
}

/** Gives the program to a funder's program officer: they reach every task force it covers, now and later. */
export function addProgramFunder(admin: SessionUser, input: AddProgramFunderInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const program = await loadProgram(tx, input.programId);
    const account = await findAccountByEmail(tx, input.email);
    if (!account) throw new DomainError("NOT_FOUND", "accountNotFound", { email: input.email }, "email");
    if (!(await insertProgramFunder(tx, { programId: program.id, userId: account.id, addedByUserId: admin.id, addedAt: now }))) {
      throw new DomainError("CONFLICT", "alreadyProgramFunder", { email: account.email, program: program.name }, "email");
    }
    await auditFunderChange(tx, admin, program, "addFunder", { funder: { from: null, to: funderLabel(account) } });
    return { userId: account.id, name: account.name, email: account.email };
  });
}

export function removeProgramFunder(admin: SessionUser, input: RemoveProgramFunderInput) {
  return inTransaction(async (tx) => {
    const program = await loadProgram(tx, input.programId);
    const funder = await findProgramFunder(tx, program.id, input.userId);
    if (!funder) throw new DomainError("NOT_FOUND", "programFunderNotFound");
    await deleteProgramFunder(tx, program.id, funder.userId);
    await auditFunderChange(tx, admin, program, "removeFunder", { funder: { from: funderLabel(funder), to: null } });
  });
}

const funderLabel = (person: { name: string; email: string }) => `${person.name} <${person.email}>`;

/**
 * The entry in the audit log of every task force the program covers: who sees it has changed. The
 * program's name is kept beside the change, unchanged (from = to), so the entry says which program.
 */
async function auditFunderChange(
  tx: Database,
  admin: SessionUser,
  program: { id: string; name: string },
  action: "addFunder" | "removeFunder",
  change: { funder: { from: string | null; to: string | null } },
) {
  for (const taskForceId of await listTaskForceIdsOfProgram(tx, program.id)) {
    await recordAudit(tx, { taskForceId, actorUserId: admin.id }, { entity: AUDIT_ENTITY, entityId: program.id, action, changes: { program: { from: program.name, to: program.name }, ...change } });
  }
}

export async function addTaskForceByAdmin(admin: SessionUser, input: ProgramTaskForceInput, now = currentTime()) {
  const taskForce = await findTaskForce(await getDb(), input.taskForceId);
  if (!taskForce) throw new DomainError("NOT_FOUND", "taskForceNotFound", {}, "taskForceId");
  return putIntoProgram(admin.id, taskForce.id, input.programId, now);
}

export async function removeTaskForceByAdmin(admin: SessionUser, input: ProgramTaskForceInput) {
  return takeOutOfProgram(admin.id, input.taskForceId, input.programId);
}

/* ---------- a task force's coordinators ---------- */

/**
 * Every program a coordinator may put their task force into, with its funders' names (who would see
 * the task force) and whether it covers the task force now. Programs and their funders are named
 * for every coordinator: a program is a funder's public grant programme and its officers act for
 * the funder, and the only thing a coordinator can do with one is show their own task force to its
 * funders, so a secret code to pick one would protect nothing. Which other task forces a program
 * covers is never shown here.
 */
export async function listProgramsForTaskForce(scope: TaskForceScope) {
  const db = await getDb();
  const [programs, funders, covering] = await Promise.all([listFundingPrograms(db), listProgramFunders(db), listProgramsCovering(db, scope.taskForceId)]);
  return programs.map((program) => ({
    id: program.id,
    name: program.name,
    funderOrganization: program.funderOrganization,
    description: program.description,
    funders: funders.filter((funder) => funder.programId === program.id).map((funder) => funder.name),
    coveredSince: covering.find((row) => row.programId === program.id)?.addedAt ?? null,
  }));
}

export function joinProgram(scope: TaskForceScope, input: ProgramOfTaskForceInput, now = currentTime()) {
  return putIntoProgram(scope.userId, scope.taskForceId, input.programId, now);
}

export function leaveProgram(scope: TaskForceScope, input: ProgramOfTaskForceInput) {
  return takeOutOfProgram(scope.userId, scope.taskForceId, input.programId);
}

/* ---------- either ---------- */

function putIntoProgram(actorUserId: string, taskForceId: string, programId: string, now: Date) {
  return inTransaction(async (tx) => addTaskForceToProgram(tx, actorUserId, taskForceId, await loadProgram(tx, programId), now));
}

/**
 * Puts the task force into the program and writes so in its audit log, in the caller's transaction
 * (the demo seed's, whose entries have no actor, too).
 */
export async function addTaskForceToProgram(tx: Database, actorUserId: string | null, taskForceId: string, program: { id: string; name: string }, now: Date) {
  if (!(await insertProgramTaskForce(tx, { programId: program.id, taskForceId, addedByUserId: actorUserId, addedAt: now }))) {
    throw new DomainError("CONFLICT", "taskForceAlreadyInProgram", { program: program.name }, "programId");
  }
  await recordAudit(tx, { taskForceId, actorUserId }, { entity: AUDIT_ENTITY, entityId: program.id, action: "addTaskForce", changes: { program: { from: null, to: program.name } } });
}

function takeOutOfProgram(actorUserId: string, taskForceId: string, programId: string) {
  return inTransaction(async (tx) => {
    const program = await loadProgram(tx, programId);
    if (!(await deleteProgramTaskForce(tx, program.id, taskForceId))) throw new DomainError("NOT_FOUND", "taskForceNotInProgram", { program: program.name }, "programId");
    await recordAudit(tx, { taskForceId, actorUserId }, { entity: AUDIT_ENTITY, entityId: program.id, action: "removeTaskForce", changes: { program: { from: program.name, to: null } } });
  });
}
