/**
 * Paging shared by the server prefetch and the client list (a plain module: values exported from a
 * "use client" file reach server components only as client references).
 */
export const AUDIT_PAGE_SIZE = 50;

export function nextAuditPage<Cursor>(page: { nextCursor: Cursor | null }): Cursor | null {
  return page.nextCursor;
}
