"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { GAP_PRIORITIES } from "./filters";
import { OwnerFields } from "@/app/_components/OwnerFields";
import { useSuggestedGapTitle } from "./suggestedTitle";

/** An element of a round's results that a coordinator chose to turn into a gap. */
export interface GapFromResults {
  roundId: string;
  elementKey: string;
}

/**
 * A coordinator creates a gap by hand, or from an element of a round's results (`from`): then the
 * element, a title, the stages, the priority and a suggested owner are filled in from the round's
 * suggestion for it, to change as they see fit.
 */
export function CreateGapForm({ taskForceSlug, from = null }: { taskForceSlug: string; from?: GapFromResults | null }) {
  const t = useTranslations("gaps");
  const tPrivacy = useTranslations("privacy");
  const titleOf = useSuggestedGapTitle();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const framework = useQuery(trpc.framework.outline.queryOptions({ taskForceSlug }));
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const suggestions = useQuery({ ...trpc.gap.suggestions.queryOptions({ taskForceSlug, roundId: from?.roundId ?? "" }), enabled: from !== null });
  // The prefill serves one gap: after it is created the form is blank, as after every creation.
  const [prefillUsed, setPrefillUsed] = useState(false);
  const suggestion = from && !prefillUsed ? suggestions.data?.suggestions.find((one) => one.elementKey === from.elementKey) : undefined;
  const prefill = suggestion ? { ...suggestion.prefill, title: titleOf(suggestion) } : null;
  const create = useMutation(trpc.gap.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.gap.pathKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    const elementKey = formText(form, "elementKey");
    // The round's stages describe the suggested element only, not one chosen instead.
    const fromRound = prefill && prefill.elementKey === elementKey ? { currentStage: prefill.currentStage, targetStage: prefill.targetStage, sourceRoundId: prefill.sourceRoundId } : {};
    create.mutate(
      {
        taskForceSlug,
        ...fromRound,
        elementKey,
        title,
        description: formText(form, "description"),
        priority: formText(form, "priority") as (typeof GAP_PRIORITIES)[number],
        ownerOrganizationId: orNull(formText(form, "ownerOrganizationId")),
        ownerUserId: orNull(formText(form, "ownerUserId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      {
        onSuccess: ({ id }) => {
          setCreated({ id, title });
          setPrefillUsed(true);
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <section aria-labelledby="create-gap-heading">
      <h2 id="create-gap-heading">{t("createHeading")}</h2>
      {created && (
        <SuccessMessage>
          {t("created", { title: created.title })} <Link href={`/tf/${taskForceSlug}/gaps/${created.id}`}>{t("openGap", { title: created.title })}</Link>
        </SuccessMessage>
      )}
      {prefill && suggestions.data && (
        <p>{t("prefilledFrom", { round: suggestions.data.round.title, element: suggestion!.name })}</p>
      )}
      {/* Keyed on the prefill too: uncontrolled fields take their defaults when they mount. */}
      <form key={`${formKey}-${prefill ? "prefilled" : "blank"}`} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-gap-heading">
        <FormError error={create.error ?? suggestions.error} />
        <Field label={t("elementLabel")} name="elementKey" errors={errors} required>
          {(control) => (
            <select {...control} defaultValue={prefill?.elementKey ?? from?.elementKey ?? ""}>
              <option value="">{t("chooseElement")}</option>
              {(framework.data?.areas ?? []).map((area) => (
                <optgroup key={area.key} label={area.name}>
                  {area.elements.map((element) => (
                    <option key={element.key} value={element.key}>
                      {element.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("titleLabel")} name="title" errors={errors} defaultValue={prefill?.title} required />
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("descriptionLabel")} name="description" errors={errors}>
          {(control) => <textarea {...control} rows={4} />}
        </Field>
        <Field label={t("priorityLabel")} name="priority" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={prefill?.priority ?? "medium"}>
              {GAP_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OwnerFields
          taskForceSlug={taskForceSlug}
          errors={errors}
          organizationName="ownerOrganizationId"
          personName="ownerUserId"
          organizationLabel={t("ownerOrganizationLabel")}
          personLabel={t("ownerPersonLabel")}
          defaultOrganizationId={prefill?.ownerOrganizationId}
          defaultUserId={prefill?.ownerUserId}
        />
        <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </section>
  );
}
