import { z } from "zod";
import { TASK_FORCE_SLUG_PATTERN } from "@/server/trpc/init";
import { MAX_ARCHIVE_BYTES } from "./archive.format";

/** Base64 of at most MAX_ARCHIVE_BYTES bytes. */
const MAX_ARCHIVE_BASE64_CHARS = Math.ceil(MAX_ARCHIVE_BYTES / 3) * 4;

export const ImportTaskForceArchiveInput = z.object({
  /** The archive file as base64 (read in the browser, or by the command line). */
  archiveBase64: z
    .string()
    .min(1, { error: "archiveFileRequired" })
    .max(MAX_ARCHIVE_BASE64_CHARS, { error: "archiveFileTooLarge" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "archiveFileRequired" }),
  /** The new task force's short name; left empty, the archive's own is used. */
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(48)
    .regex(TASK_FORCE_SLUG_PATTERN, { error: "slugFormat" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type ImportTaskForceArchiveInput = z.infer<typeof ImportTaskForceArchiveInput>;
