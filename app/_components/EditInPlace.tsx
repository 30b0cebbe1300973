"use client";

import { useId, type ReactNode } from "react";
import { Disclosure } from "@/app/_components/Disclosure";
import { fieldErrorsOf, FormError, SuccessMessage, type ErrorLike } from "@/app/_components/forms";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/**
 * A record changed where it is listed: a disclosure that opens onto its form, so a long list stays
 * short (and its page light: the form is rendered when first opened) until someone opens the one to change. The fields are uncontrolled, so a refused save keeps
 * what was typed; the form is named by its heading for screen readers.
 */
export function EditInPlace({
  className,
  labels,
  save,
  onSubmit,
  children,
}: {
  className?: string;
  /** open: the disclosure's summary; heading: the form's name; saved: the message after a save. */
  labels: { open: string; heading: string; saved: string; submit: string };
  /** The update mutation (useMutation's result). */
  save: { error: ErrorLike | null; isPending: boolean; isSuccess: boolean };
  onSubmit: (form: HTMLFormElement) => void;
  /** The fields, given the field errors of the last refused save. */
  children: (errors: FieldErrors) => ReactNode;
}) {
  const headingId = useId();
  return (
    <Disclosure className={className} summary={labels.open}>
      <form
        className="stack"
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event.currentTarget);
        }}
      >
        <h4 id={headingId}>{labels.heading}</h4>
        {save.isSuccess && <SuccessMessage>{labels.saved}</SuccessMessage>}
        <FormError error={save.error} />
        {children(fieldErrorsOf(save.error))}
        <div>
          <button type="submit" disabled={save.isPending}>
            {labels.submit}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}
