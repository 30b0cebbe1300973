"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { fieldErrorsOf, FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { RoundFields, roundFieldsFrom } from "./RoundFields";

/**
 * A coordinator drafts a round, and is taken to its manage page (which says it was created), where it
 * is opened once the details are right.
 */
export function CreateRoundForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.assessment.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey({ taskForceSlug }) }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = roundFieldsFrom(event.currentTarget);
    create.mutate(
      { taskForceSlug, ...values },
      {
        onSuccess: ({ id }) => router.push(`/tf/${taskForceSlug}/assessments/${id}/manage?created=1`),
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <>
      <h2 id="create-round-heading">{t("createHeading")}</h2>
      <p>{t("createIntro")}</p>
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-round-heading">
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
