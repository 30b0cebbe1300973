/* Mirrors of db/schema GAP_STATUSES and the gaps schemas' GAP_SORTS, kept here so the client bundle stays free of server code. */
export const GAP_STATUSES = ["open", "in_progress", "blocked", "resolved", "wont_fix"] as const;
export const GAP_PRIORITIES = ["high", "medium", "low"] as const;
export const GAP_SORTS = ["dueOn", "priority", "status", "updatedAt", "createdAt", "elementKey"] as const;

export type GapStatusValue = (typeof GAP_STATUSES)[number];
export type GapSort = (typeof GAP_SORTS)[number];

export interface GapFilters {
  /** What gap.list takes. */
  input: {
    status?: GapStatusValue[];
    area?: string;
    ownerOrganizationId?: string;
    dueBefore?: string;
    overdue: boolean;
    sort: GapSort;
    direction: "asc" | "desc";
  };
  view: "list" | "board";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The filters of the GET form in the address; anything malformed is ignored rather than refused. */
export function parseGapFilters(params: Record<string, string | string[] | undefined>): GapFilters {
  const status = all(params.status).filter((value): value is GapStatusValue => (GAP_STATUSES as readonly string[]).includes(value));
  const area = first(params.area)?.trim();
  const organization = first(params.organization);
  const dueBy = first(params.dueBy);
  const sort = first(params.sort);
  return {
    input: {
      ...(status.length ? { status } : {}),
      ...(area && /^[A-Za-z0-9_-]{1,50}$/.test(area) ? { area } : {}),
      ...(organization && UUID.test(organization) ? { ownerOrganizationId: organization } : {}),
      ...(dueBy && /^\d{4}-\d{2}-\d{2}$/.test(dueBy) ? { dueBefore: dueBy } : {}),
      overdue: first(params.overdue) === "1",
      sort: (GAP_SORTS as readonly string[]).includes(sort ?? "") ? (sort as GapSort) : "dueOn",
      direction: first(params.direction) === "desc" ? "desc" : "asc",
    },
    view: first(params.view) === "board" ? "board" : "list",
  };
}

/** The address of the list with these filters (and any changes). */
export function gapsHref(taskForceSlug: string, filters: GapFilters, changes: Partial<GapFilters["input"]> & { view?: "list" | "board" } = {}) {
  const { view = filters.view, ...inputChanges } = changes;
  const input = { ...filters.input, ...inputChanges };
  const query = new URLSearchParams();
  for (const status of input.status ?? []) query.append("status", status);
  if (input.area) query.set("area", input.area);
  if (input.ownerOrganizationId) query.set("organization", input.ownerOrganizationId);
  if (input.dueBefore) query.set("dueBy", input.dueBefore);
  if (input.overdue) query.set("overdue", "1");
  if (input.sort !== "dueOn") query.set("sort", input.sort);
  if (input.direction !== "asc") query.set("direction", input.direction);
  if (view === "board") query.set("view", "board");
  const text = query.toString();
  return `/tf/${taskForceSlug}/gaps${text ? `?${text}` : ""}`;
}

/** The element of a round's results to create a gap from (`?round=…&element=…`), when both are well-formed. */
export function parseGapFromResults(params: Record<string, string | string[] | undefined>): { roundId: string; elementKey: string } | null {
  const roundId = first(params.round);
  const elementKey = first(params.element);
  return roundId && UUID.test(roundId) && elementKey && /^[A-Za-z0-9._-]{1,50}$/.test(elementKey) ? { roundId, elementKey } : null;
}

/** Where a coordinator creates a gap for an element of a round's results, with the form filled in. */
export const gapFromResultsHref = (taskForceSlug: string, roundId: string, elementKey: string) =>
  `/tf/${taskForceSlug}/gaps?${new URLSearchParams({ round: roundId, element: elementKey })}#create-gap-heading`;
