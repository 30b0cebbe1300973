/*
 * Which catalog group names the stored values of an audited field (a status, a role, a discipline),
 * so the log says "Blocked" where the row holds "blocked". A plain module: the page picks the
 * groups from the reader's catalog on the server and hands only them to the client list, a few
 * kilobytes where the namespaces they sit in would be tens.
 */

/**
 * Keyed by "entity.field" where the same field holds another vocabulary in another kind of record
 * (a gap's status, a meeting's status), else by the field alone. A measure counted by sector or
 * service type ("peopleTrained.health") names its dimension from the group of the measure.
 */
const VALUE_GROUPS: Record<string, string> = {
  role: "roles",
  discipline: "disciplines",
  primaryDiscipline: "disciplines",
  additionalDisciplines: "disciplines",
  coreDisciplines: "disciplines",
  peopleTrained: "disciplines",
  services: "contributions.serviceTypes",
  priority: "gaps.priority",
  "gap.status": "gaps.status",
  "actionItem.status": "gaps.actionStatus",
  "meeting.status": "meetings.status",
  "meeting.type": "meetings.type",
  minutesStatus: "meetings.minutesStatus",
  "attendance.status": "meetings.attendance",
  "decision.status": "decisions.status",
  "mou.status": "mous.status",
  "protocol.status": "protocols.status",
  topic: "protocols.topic",
  membershipStatus: "organizations.membershipStatus",
  jurisdictionLevel: "organizations.jurisdictionLevel",
  taskForceRole: "organizations.organizationRole",
  "grantRequirement.status": "requirements.status",
  overrideStatus: "requirements.status",
  "requirementEvidence.kind": "requirements.kind",
  reportingCadence: "grants.cadence",
  "assessmentRound.status": "assessments.status",
  "contributionReport.status": "contributions.status",
  periodLength: "contributions.settings",
  // A requirement made from a template is named by the template's title.
  templateKey: "requirementTemplates.*.title",
  "invitation.reason": "audit.reasons",
};

/** The names of the values of each group, in one language. */
export type AuditValueNames = Record<string, Record<string, string>>;

/** The catalog group naming the values of `field` in a record of `entity`, if there is one. */
export function valueGroupOf(entity: string, field: string): string | undefined {
  return VALUE_GROUPS[`${entity}.${field}`] ?? VALUE_GROUPS[field];
}

/**
 * Every group's value names, read from one language's catalog. A group's path may hold one `*`:
 * each entry there is a value, named by what follows it in the entry ("requirementTemplates.*.title").
 */
export function auditValueNames(catalog: Record<string, unknown>): AuditValueNames {
  const at = (node: unknown, path: string) => (path ? path.split(".").reduce<unknown>((here, key) => (here as Record<string, unknown> | undefined)?.[key], node) : node);
  const groupAt = (path: string) => {
    const [parent = path, child] = path.split(".*.");
    const group = at(catalog, parent) as Record<string, unknown>;
    return child === undefined ? group : Object.fromEntries(Object.entries(group).map(([key, entry]) => [key, at(entry, child)]));
  };
  return Object.fromEntries([...new Set(Object.values(VALUE_GROUPS))].map((path) => [path, groupAt(path) as Record<string, string>]));
}
