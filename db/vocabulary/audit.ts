/*
 * What the audit log records, as plain data (no Drizzle import) so browser code and the catalog
 * tests may use it too. recordAudit takes only these names: an entity or an action recorded
 * without being added here fails the type check, and app/i18n/auditVocabulary.test.ts fails
 * until every language's catalog (audit.entities, audit.actions) can say it.
 */

/** The kinds of record an entry is about. */
export const AUDIT_ENTITIES = [
  "account",
  "actionItem",
  "agendaItem",
  "agreedStage",
  "assessmentResponse",
  "assessmentRound",
  "attendance",
  "calendarToken",
  "committee",
  "contributionPeriod",
  "contributionPublication",
  "contributionReport",
  "contributionSettings",
  "decision",
  "elementTarget",
  "fundingProgram",
  "gap",
  "grant",
  "grantReport",
  "grantRequirement",
  "handoff",
  "invitation",
  "meeting",
  "membership",
  "minuteComment",
  "minutes",
  "mou",
  "organization",
  "organizationContact",
  "protocol",
  "reminders",
  "requirementEvidence",
  "taskForce",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** What was done to the record. */
export const AUDIT_ACTIONS = [
  "addFunder",
  "addMember",
  "addTaskForce",
  "approveMinutes",
  "attachDocument",
  "carryForward",
  "changeStatus",
  "chooseFramework",
  "clearOverride",
  "close",
  "comment",
  "complete",
  "create",
  "delete",
  "end",
  "export",
  "extend",
  "generate",
  "handoff",
  "hideSetupChecklist",
  "import",
  "move",
  "open",
  "override",
  "publish",
  "reassign",
  "reassignChair",
  "remind",
  "removeFunder",
  "removeMember",
  "removeTaskForce",
  "reopen",
  "resetLinkIssued",
  "return",
  "revise",
  "revoke",
  "save",
  "send",
  "setCoreDisciplines",
  "shareMinutes",
  "submit",
  "update",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A field of a change that holds the id of another record ("ownerUserId", "partyOrganizationIds"): the log names it. */
export const isReferenceField = (field: string) => /Ids?$/.test(field);
