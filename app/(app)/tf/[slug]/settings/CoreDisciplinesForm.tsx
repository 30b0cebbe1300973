"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { fieldErrorsOf, FormError, SuccessMessage, useFieldMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";

/** Which disciplines count as core for the dashboard's absence alert (meetings). */
export function CoreDisciplinesForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("coreDisciplines");
  const tDisciplines = useTranslations("disciplines");
  const fieldMessage = useFieldMessage();
  const errorId = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.meeting.recentFullMeetings.queryOptions({ taskForceSlug }));
  // Choosing none is refused here already, with a sentence that says what to do; the server refuses it too.
  const [noneChosen, setNoneChosen] = useState(false);
  const save = useMutation(
    trpc.meeting.setCoreDisciplines.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.meeting.recentFullMeetings.queryKey({ taskForceSlug }) }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).getAll("disciplines").map(String) as Discipline[];
    setNoneChosen(chosen.length === 0);
    save.reset();
    if (chosen.length > 0) save.mutate({ taskForceSlug, disciplines: chosen });
  }

  if (!current.data) return <FormError error={current.error} />;
  const chosen = new Set(current.data.coreDisciplines);
  const problems = [...(noneChosen ? [t("chooseOne")] : []), ...(fieldErrorsOf(save.error).disciplines ?? []).map(fieldMessage)];
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="core-disciplines-heading">
      <h2 id="core-disciplines-heading">{t("heading")}</h2>
      <p>{t("intro", { window: current.data.window })}</p>
      {save.isSuccess && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <FormError error={save.error} />
      <fieldset className="choice-group" aria-describedby={problems.length ? errorId : undefined}>
        <legend>{t("legend")}</legend>
        {problems.length > 0 && (
          <p className="error" id={errorId}>
            {problems.join(" ")}
          </p>
        )}
        {DISCIPLINES.map((discipline) => (
          <label key={discipline} className="checkbox">
            <input type="checkbox" name="disciplines" value={discipline} defaultChecked={chosen.has(discipline)} /> {tDisciplines(discipline)}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
