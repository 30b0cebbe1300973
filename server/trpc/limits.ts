/*
 * Limits on what one HTTP request to /api/trpc may ask of the server, enforced in
 * server/trpc/httpHandler.ts before any procedure runs. Shared with the browser's tRPC client
 * (app/_trpc/client.tsx), which splits its batches to stay within them. No server-only imports here.
 */

/**
 * Calls in one batched request. The browser batches the queries a page starts in the same tick; with
 * every query of a page refetching at once (the tab regains focus after they went stale) the most
 * measured was 7, on the action tracker (e2e/limits.spec.ts prints the figure per page). The limit
 * leaves more than twice that, and the browser's batch link splits at the same number, so only a
 * hand-made request is ever refused.
 */
export const MAX_TRPC_BATCH_SIZE = 16;

/**
 * Bytes of one request body. The largest legitimate input is a contribution CSV import or a
 * framework file, each at most 1,000,000 characters (MAX_CSV_LENGTH, MAX_FRAMEWORK_FILE_CHARS);
 * as JSON in UTF-8 that is at most 3 bytes a character (4 for a surrogate pair, i.e. 2 per
 * character), plus the superjson envelope: 3,000,000 bytes and change. 4 MiB leaves room for that
 * and refuses anything larger with 413 before it is parsed.
 */
export const MAX_TRPC_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Procedures whose input is a whole file, each with the body limit of a request that calls it
 * alone (a batch with anything else keeps MAX_TRPC_BODY_BYTES). A task force archive may be
 * MAX_ARCHIVE_BYTES (200 MB) and travels as base64, four characters for every three bytes; the
 * integration test checks this stays above that. Only an administrator's import reaches it.
 */
export const FILE_INPUT_BODY_BYTES: Readonly<Record<string, number>> = {
  "admin.taskForce.import": 280 * 1024 * 1024,
};

/** The body limit of a request to /api/trpc/<path>. */
export function bodyLimitOf(path: string): number {
  return Object.hasOwn(FILE_INPUT_BODY_BYTES, path) ? (FILE_INPUT_BODY_BYTES[path] ?? MAX_TRPC_BODY_BYTES) : MAX_TRPC_BODY_BYTES;
}
