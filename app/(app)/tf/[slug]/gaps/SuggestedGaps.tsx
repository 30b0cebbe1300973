"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError, SelectField, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { useSuggestedGapTitle } from "./suggestedTitle";

/** Suggested gaps from a round: below target, disagreement, many "don't know"; one click creates the gap. */
export function SuggestedGaps({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("gaps");
  const titleOf = useSuggestedGapTitle();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rounds = useQuery(trpc.assessment.list.queryOptions({ taskForceSlug }));
  const usable = (rounds.data ?? []).filter((round) => round.status !== "draft");
  const [roundId, setRoundId] = useState<string>("");
  const chosen = roundId || usable[0]?.id || "";
  const suggestions = useQuery({ ...trpc.gap.suggestions.queryOptions({ taskForceSlug, roundId: chosen }), enabled: chosen !== "" });
  const [created, setCreated] = useState<{ id: string; label: string }[]>([]);
  const create = useMutation(trpc.gap.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.gap.pathKey() }) }));

  return (
    <section aria-labelledby="suggested-gaps-heading">
      <h2 id="suggested-gaps-heading">{t("suggestedHeading")}</h2>
      <p>{t("suggestedIntro")}</p>
      {usable.length === 0 ? (
        <p>{t("noRounds")}</p>
      ) : (
        <SelectField label={t("roundLabel")} name="round" options={usable.map((round) => ({ value: round.id, label: round.title }))} value={chosen} onChange={setRoundId} />
      )}
      {created.length > 0 && (
        <SuccessMessage>
          {t("suggestionCreated")}{" "}
          {created.map((one) => (
            <Link key={one.id} href={`/tf/${taskForceSlug}/gaps/${one.id}`}>
              {t("openGap", { title: one.label })}
            </Link>
          ))}
        </SuccessMessage>
      )}
      <FormError error={suggestions.error ?? create.error} />
      {suggestions.data && suggestions.data.suggestions.length === 0 && <p>{t("noSuggestions")}</p>}
      {suggestions.data && suggestions.data.suggestions.length > 0 && (
        <ul className="element-results">
          {suggestions.data.suggestions.map((suggestion) => {
            return (
              <li key={suggestion.elementKey} className="element-result">
                <h3>
                  {suggestion.name}
                </h3>
                <p>
                  {t("suggestionStages", {
                    current: suggestion.currentStage ?? t("noStage"),
                    target: suggestion.targetStage ?? t("noStage"),
                  })}{" "}
                  · {t(`priority.${suggestion.priority}`)}
                </p>
                <ul>
                  {suggestion.reasons.map((reason) => (
                    <li key={reason}>{t(`reason.${reason}`)}</li>
                  ))}
                </ul>
                <button
                    type="button"
                    disabled={create.isPending}
                    aria-label={t("createFromSuggestionNamed", { name: suggestion.name })}
                    onClick={() =>
                      create.mutate(
                        { taskForceSlug, ...suggestion.prefill, title: titleOf(suggestion) },
                        { onSuccess: ({ id }) => setCreated((all) => [...all, { id, label: titleOf(suggestion) }]) },
                      )
                    }
                  >
                    {t("createFromSuggestion")}
                  </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
