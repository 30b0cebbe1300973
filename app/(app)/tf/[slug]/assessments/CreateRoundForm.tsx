"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { RoundFields, roundFieldsFrom } from "./RoundFields";

/** A coordinator drafts a round; it is opened from its manage page once the details are right. */
export function CreateRoundForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  // A new key empties the uncontrolled fields after a success (and only then).
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.assessment.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey({ taskForceSlug }) }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const values = roundFieldsFrom(event.currentTarget);
    create.mutate(
      { taskForceSlug, ...values },
      {
        onSuccess: ({ id }) => {
          setCreated({ id, title: values.title });
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <>
      <h2 id="create-round-heading">{t("createHeading")}</h2>
      <p>{t("createIntro")}</p>
      {created && (
        <SuccessMessage>
          {t("created", { title: created.title })}{" "}
          <Link href={`/tf/${taskForceSlug}/assessments/${created.id}/manage`}>{t("manageRound", { title: created.title })}</Link>
        </SuccessMessage>
      )}
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-round-heading">
        <FormError error={create.error} />
        <RoundFields taskForceSlug={taskForceSlug} errors={errors} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </>
  );
}
