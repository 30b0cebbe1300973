"use client";

import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage, type ErrorLike } from "@/app/_components/forms";
import { OwnerFields } from "@/app/_components/OwnerFields";

/** What the form asks for; where the action belongs (a gap, a meeting, nothing) the caller adds. */
export interface ActionItemFields {
  title: string;
  assigneeUserId: string | null;
  assigneeOrganizationId: string | null;
  dueOn: string | null;
}

function actionItemFields(form: HTMLFormElement): ActionItemFields {
  return {
    title: formText(form, "title"),
    assigneeUserId: orNull(formText(form, "assigneeUserId")),
    assigneeOrganizationId: orNull(formText(form, "assigneeOrganizationId")),
    dueOn: orNull(formText(form, "dueOn")),
  };
}

/** The words of the form: each page keeps its own (and its e2e tests find the fields by them). */
export interface ActionItemFormLabels {
  title: string;
  assigneeOrganization: string;
  assignee: string;
  dueOn: string;
  dueOnHint?: string;
  submit: string;
  /** The button while the action is being saved; the submit label when not given. */
  submitting?: string;
  created: (title: string) => string;
}

/** The page's create mutation (useMutation's result): actionItem.create or meeting.createAction. */
interface CreateMutation<Input> {
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
  error: ErrorLike | null;
  isPending: boolean;
}

/**
 * The one form that adds an action item, on the tracker (standalone), a gap and a meeting. Inputs
 * are uncontrolled, so what was typed stays when the server refuses it; after a success the form is
 * emptied (a new key) and says which action was added.
 */
export function ActionItemForm<Context extends { taskForceSlug: string }>({
  context,
  mutation,
  headingId,
  labels,
}: {
  /** Where the action belongs, sent with the fields: the task force and its gap, its meeting or no gap. */
  context: Context;
  mutation: CreateMutation<NoInfer<Context> & ActionItemFields>;
  /** The heading the caller shows above the form, which names it for screen readers and e2e tests. */
  headingId: string;
  labels: ActionItemFormLabels;
}) {
  const [created, setCreated] = useState<string | null>(null);
  // A new key empties the uncontrolled fields after a success (and only then).
  const [formKey, setFormKey] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const fields = actionItemFields(event.currentTarget);
    const onSuccess = () => {
      setCreated(fields.title.trim());
      setFormKey((key) => key + 1);
    };
    mutation.mutate({ ...context, ...fields }, { onSuccess });
  }

  const { error, isPending } = mutation;
  const errors = fieldErrorsOf(error);
  return (
    <>
      {created && <SuccessMessage>{labels.created(created)}</SuccessMessage>}
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <FormError error={error} />
        <Field label={labels.title} name="title" errors={errors} required autoComplete="off" />
        <OwnerFields
          taskForceSlug={context.taskForceSlug}
          errors={errors}
          organizationName="assigneeOrganizationId"
          personName="assigneeUserId"
          organizationLabel={labels.assigneeOrganization}
          personLabel={labels.assignee}
        />
        <Field label={labels.dueOn} name="dueOn" type="date" hint={labels.dueOnHint} errors={errors} />
        <div>
          <button type="submit" disabled={isPending}>
            {isPending && labels.submitting ? labels.submitting : labels.submit}
          </button>
        </div>
      </form>
    </>
  );
}
