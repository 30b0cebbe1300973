import { z } from "zod";

/** At most 1 MB of file, as base64 (four characters for every three bytes). */
export const MAX_IMPORT_FILE_BYTES = 1_000_000;

export const ImportFileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, { error: "importFileTooLarge" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "importUnreadable" }),
});
export type ImportFileInput = z.infer<typeof ImportFileInput>;

export const IMPORT_TEMPLATE_FORMATS = ["xlsx", "csv"] as const;
export const IMPORT_TEMPLATE_KINDS = ["organizations", "people"] as const;
export const ImportTemplateInput = z.object({
  format: z.enum(IMPORT_TEMPLATE_FORMATS),
  kind: z.enum(IMPORT_TEMPLATE_KINDS).default("organizations"),
});
export type ImportTemplateInput = z.infer<typeof ImportTemplateInput>;
