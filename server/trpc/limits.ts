/*
 * Limits on what one HTTP request to /api/trpc may ask of the server, enforced in
 * server/trpc/httpHandler.ts before any procedure runs. Shared with the browser's tRPC client
 * (app/_trpc/client.tsx), which splits its batches to stay within them. No server-only imports here.
 */

/**
 * Calls in one batched request. The browser batches the queries a page starts in the same tick:
 * the most measured on any page is {@link LARGEST_MEASURED_BATCH} (see README, "Security"); the
 * client never sends more than this, so only a hand-made request is refused.
 */
export const MAX_TRPC_BATCH_SIZE = 16;

/** The largest batch the application's own pages were measured to send (README, "Security"). */
export const LARGEST_MEASURED_BATCH = 8;

/**
 * Bytes of one request body. The largest legitimate input is a contribution CSV import or a
 * framework file, each at most 1,000,000 characters (MAX_CSV_LENGTH, MAX_FRAMEWORK_FILE_CHARS);
 * as JSON in UTF-8 that is at most 3 bytes a character (4 for a surrogate pair, i.e. 2 per
 * character), plus the superjson envelope: 3,000,000 bytes and change. 4 MiB leaves room for that
 * and refuses anything larger with 413 before it is parsed.
 */
export const MAX_TRPC_BODY_BYTES = 4 * 1024 * 1024;
