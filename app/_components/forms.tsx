"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, type ChangeEvent, type ReactNode } from "react";
import type { AppRouter } from "@/server/trpc/root";
import type { FieldErrors, FieldMessage } from "@/server/trpc/fieldErrors";
import type messages from "@/app/i18n/messages/en.json";

export type ClientError = TRPCClientErrorLike<AppRouter>;
/**
 * A failed request as forms read it: a tRPC error, or the same JSON shape from a route handler (file
 * uploads). `text` is its sentence, worded by the server in the person's language (server/trpc/errorText.ts).
 */
export type ErrorLike = { data?: { messageKey?: string; values?: Record<string, string | number>; fieldErrors?: FieldErrors; text?: string } | null };
type RequestFailedKey = keyof (typeof messages)["requestFailed"];
type ValidationKey = keyof (typeof messages)["validation"];

export function fieldErrorsOf(error: ErrorLike | null | undefined): FieldErrors {
  return error?.data?.fieldErrors ?? {};
}

/** An empty form field ("" from an unchosen select or a blank input) as null, as the server takes it. */
export const orNull = (value: string) => (value === "" ? null : value);

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Message values as a reader expects them: calendar dates (YYYY-MM-DD) and instants (ISO
 * timestamps) travel from the server as strings and are shown in the reader's locale, instants
 * in the time zone of the surrounding provider (the task force's).
 */
export function useReadableValues() {
  const format = useFormatter();
  return (values: Record<string, string | number> | undefined): Record<string, string | number> =>
    Object.fromEntries(
      Object.entries(values ?? {}).map(([key, value]) => {
        if (typeof value !== "string") return [key, value];
        if (CALENDAR_DATE.test(value)) return [key, format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })];
        if (TIMESTAMP.test(value)) return [key, format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" })];
        return [key, value];
      }),
    );
}

/**
 * The sentence for a failed request, in the person's language: the server's wording, or when no
 * answer came (the connection failed, a proxy answered) the page's own.
 */
export function useErrorMessage() {
  const t = useTranslations("requestFailed");
  return (error: ErrorLike): string => {
    if (error.data?.text) return error.data.text;
    const key = error.data?.messageKey;
    return key && t.has(key as RequestFailedKey) ? t(key as RequestFailedKey) : t("internal");
  };
}

/** A field's problem as a sentence: the server's wording, or for a problem the page found itself, the `validation` catalog's. */
export function useFieldMessage() {
  const t = useTranslations("validation");
  const readable = useReadableValues();
  return (message: FieldMessage) => {
    if (message.text) return message.text;
    return t.has(message.key as ValidationKey) ? t(message.key as ValidationKey, readable(message.values)) : t("invalid");
  };
}

interface FieldProps {
  label: string;
  name: string;
  errors?: FieldErrors;
  hint?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  /** A <select> or other control instead of the default <input>; it receives the ids by render prop. */
  children?: (control: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: true; required?: boolean }) => ReactNode;
}

/**
 * A labelled input with its hint and its error, wired for screen readers. Inputs are uncontrolled,
 * so what a person typed stays in place when the server refuses it.
 */
export function Field({ label, name, errors, hint, type = "text", defaultValue, required, autoComplete, children }: FieldProps) {
  const id = useId();
  const fieldMessage = useFieldMessage();
  const problems = errors?.[name] ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problems.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = {
    id,
    name,
    "aria-describedby": describedBy,
    ...(problems.length ? { "aria-invalid": true as const } : {}),
    required,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {children ? children(control) : <input {...control} type={type} defaultValue={defaultValue} autoComplete={autoComplete} />}
      {problems.length > 0 && (
        <span className="error" id={errorId}>
          {problems.map(fieldMessage).join(" ")}
        </span>
      )}
    </div>
  );
}

/**
 * A labelled <select>, uncontrolled like every Field: fixed choices (a vocabulary: statuses, roles)
 * or the people and organizations of the pickers. `noneLabel` adds a first, empty choice.
 */
export function SelectField({
  options,
  noneLabel,
  defaultValue,
  value,
  onChange,
  ...field
}: Omit<FieldProps, "children" | "type" | "autoComplete"> & {
  options: readonly { value: string; label: string }[];
  noneLabel?: string;
  /** For a select that changes the page at once (a filter) rather than being sent with a form. */
  value?: string;
  onChange?: (value: string) => void;
}) {
  const controlled = value === undefined ? { defaultValue: defaultValue ?? "" } : { value, onChange: (event: ChangeEvent<HTMLSelectElement>) => onChange?.(event.target.value) };
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} {...controlled}>
          {noneLabel !== undefined && <option value="">{noneLabel}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The form-level message for a failed request, announced to screen readers. */
export function FormError({ error }: { error: ErrorLike | null | undefined }) {
  const errorMessage = useErrorMessage();
  if (!error) return null;
  return (
    <div className="alert error" role="alert">
      {errorMessage(error)}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert success" role="status">
      {children}
    </div>
  );
}

/** Reads a text field from a submitted form; absent fields read as empty strings. */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
}
