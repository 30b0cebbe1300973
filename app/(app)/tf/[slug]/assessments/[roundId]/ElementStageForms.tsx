"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FrameworkStage } from "@/db/schema";
import type { ConsensusElement } from "./RoundResults";

/* The agreed stage and target forms of an element's results (ElementResultSection). */

function StageSelect({
  control,
  stages,
  defaultValue,
}: {
  control: Parameters<NonNullable<Parameters<typeof Field>[0]["children"]>>[0];
  stages: readonly FrameworkStage[];
  defaultValue: number | null;
}) {
  const t = useTranslations("assessmentResults");
  return (
    <select {...control} defaultValue={defaultValue === null ? "" : String(defaultValue)}>
      <option value="">{t("stageNone")}</option>
      {[1, 2, 3, 4, 5].map((stage) => (
        <option key={stage} value={stage}>
          {t("stageOption", { stage, name: stages.find((candidate) => candidate.number === stage)?.name ?? "" })}
        </option>
      ))}
    </select>
  );
}

const stageFrom = (form: HTMLFormElement) => {
  const value = formText(form, "stage");
  return value === "" ? null : Number(value);
};

function useInvalidateResults(taskForceSlug: string, roundId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessment.consensus.queryKey({ taskForceSlug, roundId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.trend.queryKey({ taskForceSlug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.targets.queryKey({ taskForceSlug }) }),
    ]);
}

interface FormProps {
  taskForceSlug: string;
  roundId: string;
  element: ConsensusElement;
  stages: readonly FrameworkStage[];
}

/** What differs between the agreed-stage and the target forms: their words, values and mutation. */
interface StageNoteFormProps {
  stages: readonly FrameworkStage[];
  formLabel: string;
  stageLabel: string;
  stageHint: string;
  submitLabel: string;
  savedText: string;
  defaultStage: number | null;
  defaultNote: string;
  noteRows: number;
  mutation: {
    isPending: boolean;
    error: Parameters<typeof fieldErrorsOf>[0];
    save: (values: { stage: number | null; note: string }, onSaved: () => void) => void;
  };
}

/** A stage (or none) with a note, saved through the given mutation; input stays when refused. */
function StageNoteForm(props: StageNoteFormProps) {
  const t = useTranslations("assessmentResults");
  const [saved, setSaved] = useState(false);
  const errors = fieldErrorsOf(props.mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved(false);
    props.mutation.save({ stage: stageFrom(form), note: formText(form, "note") }, () => setSaved(true));
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={props.formLabel}>
      <FormError error={props.mutation.error} />
      {saved && <SuccessMessage>{props.savedText}</SuccessMessage>}
      <Field label={props.stageLabel} name="stage" hint={props.stageHint} errors={errors}>
        {(control) => <StageSelect control={control} stages={props.stages} defaultValue={props.defaultStage} />}
      </Field>
      <Field label={t("note")} name="note" hint={t("noteHint")} errors={errors}>
        {(control) => <textarea {...control} rows={props.noteRows} defaultValue={props.defaultNote} />}
      </Field>
      <div>
        <button type="submit" disabled={props.mutation.isPending}>
          {props.mutation.isPending ? t("saving") : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

export function AgreedStageForm({ taskForceSlug, roundId, element, stages }: FormProps) {
  const t = useTranslations("assessmentResults");
  const trpc = useTRPC();
  const invalidate = useInvalidateResults(taskForceSlug, roundId);
  const record = useMutation(trpc.assessment.recordAgreedStage.mutationOptions({ onSuccess: invalidate }));
  return (
    <StageNoteForm
      stages={stages}
      formLabel={t("agreedForm", { element: element.name })}
      stageLabel={t("agreedStage")}
      stageHint={t("agreedStageHint")}
      submitLabel={t("saveAgreed")}
      savedText={t("agreedSaved", { element: element.name })}
      defaultStage={element.agreed?.stage ?? null}
      defaultNote={element.agreed?.note ?? ""}
      noteRows={3}
      mutation={{
        isPending: record.isPending,
        error: record.error,
        save: (values, onSaved) =>
          record.mutate({ taskForceSlug, roundId, elementKey: element.key, ...values }, { onSuccess: onSaved }),
      }}
    />
  );
}

export function TargetForm({ taskForceSlug, roundId, element, stages }: FormProps) {
  const t = useTranslations("assessmentResults");
  const trpc = useTRPC();
  const invalidate = useInvalidateResults(taskForceSlug, roundId);
  const setTarget = useMutation(trpc.assessment.setTarget.mutationOptions({ onSuccess: invalidate }));
  return (
    <StageNoteForm
      stages={stages}
      formLabel={t("targetForm", { element: element.name })}
      stageLabel={t("targetStage")}
      stageHint={t("targetHint")}
      submitLabel={t("saveTarget")}
      savedText={t("targetSaved", { element: element.name })}
      defaultStage={element.target?.stage ?? null}
      defaultNote={element.target?.note ?? ""}
      noteRows={2}
      mutation={{
        isPending: setTarget.isPending,
        error: setTarget.error,
        save: (values, onSaved) => setTarget.mutate({ taskForceSlug, elementKey: element.key, ...values }, { onSuccess: onSaved }),
      }}
    />
  );
}
