import { DomainError } from "@/server/errors";

/*
 * Saving a record on top of the version a form was loaded with: what the form changed, and the
 * refusal when someone else saved first. Never a silent overwrite.
 */

/** The fields of `input` that are given and differ from the stored record. */
export function changedInput<T extends object, K extends keyof T>(input: T, current: Record<K, unknown>, fields: readonly K[]): Partial<Pick<T, K>> {
  const after: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    // JSON comparison so that lists (evidence links) count as unchanged when their items are.
    if (input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(current[field])) after[field] = input[field];
  }
  return after;
}

/** "Changed by X at T — review and retry": the values name who saved last and when. */
export function staleVersion(row: { updatedByName: string | null; updatedAt: Date }, messageKey: string) {
  return new DomainError("CONFLICT", messageKey, { by: row.updatedByName ?? "", at: row.updatedAt.toISOString() });
}
