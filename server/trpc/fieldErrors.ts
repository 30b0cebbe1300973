import type { ZodError } from "zod";
import type { MessageValues } from "@/server/errors";

/**
 * A field's problem as a message-catalog key (under `validation`, or `errors` for a service's
 * refusal) with values to fill in, and once a server has worded it (server/trpc/errorText.ts) the
 * sentence in the reader's language. A problem a page finds itself has no text yet.
 */
export interface FieldMessage {
  key: string;
  values?: MessageValues;
  text?: string;
}
export type FieldErrors = Record<string, FieldMessage[]>;

/**
 * Zod issues become catalog keys per field, so forms can say "at least 12 characters" in the
 * person's language. A schema may also give its own key as the issue message (`{ error: "slugFormat" }`).
 */
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    (result[field] ??= []).push(messageOf(issue));
  }
  return result;
}

/** A message a schema set itself is a catalog key: one word, unlike zod's own English sentences. */
const CATALOG_KEY = /^[a-z][A-Za-z]*$/;

function messageOf(issue: ZodError["issues"][number]): FieldMessage {
  if (CATALOG_KEY.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? { key: "required" } : { key: "tooShort", values: { min: Number(issue.minimum) } };
      }
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string"
        ? { key: "tooLong", values: { max: Number(issue.maximum) } }
        : { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "email" : "format" };
    case "invalid_type": {
      // zod 4 leaves `input` out of issues unless parsing with `reportInput`, so tRPC's issues never
      // carry it; the message it does always write ends in "received undefined" for a missing value.
      const missing =
        "input" in issue ? issue.input === undefined || issue.input === null : /received (undefined|null)$/.test(issue.message);
      return { key: missing ? "required" : "invalid" };
    }
    case "invalid_value":
      return { key: "choice" };
    default:
      return { key: "invalid" };
  }
}
