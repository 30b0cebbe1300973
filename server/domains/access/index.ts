/*
 * Who reaches which task force with which role (access.queries.ts): what the scope of every task
 * force procedure, the funder portfolio, the task-force switcher and calendar feeds are built from.
 */
export { findTaskForceAccess, fundsAProgram, listTaskForceAccess, type TaskForceAccessRow } from "./access.queries";
