"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { FormError, SuccessMessage, type ClientError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { CalendarDate } from "@/app/_components/DateTime";
import { ElementQuestion, elementAnchor } from "./ElementQuestion";

interface Props {
  taskForceSlug: string;
  roundId: string;
  userId: string;
}

export function isSessionEnded(error: unknown): boolean {
  return error instanceof TRPCClientError && (error as ClientError).data?.code === "UNAUTHORIZED";
}

/**
 * The respondent's form: every element of the round's framework, grouped by area. Each element
 * saves itself as it changes (see ElementQuestion); this component keeps the count of answered
 * elements, the session-ended notice and the explicit submit.
 */
export function RespondForm({ taskForceSlug, roundId, userId }: Props) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const input = { taskForceSlug, roundId };
  const round = useQuery(trpc.assessment.get.queryOptions(input));
  const mine = useQuery(trpc.assessment.myResponse.queryOptions(input));

  // Elements saved since the page loaded; with those the server had, they make the progress count.
  const [savedKeys, setSavedKeys] = useState<ReadonlySet<string>>(new Set());
  const [savingKeys, setSavingKeys] = useState<ReadonlySet<string>>(new Set());
  const [sessionEnded, setSessionEnded] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  // A refused submission takes the person to the list of what is left to answer, not just a message.
  const missingList = useRef<HTMLElement>(null);
  useEffect(() => {
    if (showMissing) missingList.current?.focus();
  }, [showMissing]);

  const submit = useMutation(
    trpc.assessment.submit.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.assessment.myResponse.queryKey(input) }),
          queryClient.invalidateQueries({ queryKey: trpc.assessment.get.queryKey(input) }),
          queryClient.invalidateQueries({ queryKey: trpc.assessment.list.queryKey({ taskForceSlug }) }),
        ]),
    }),
  );

  const onSaved = (elementKey: string) => {
    setSessionEnded(false);
    setSavedKeys((keys) => {
      if (keys.has(elementKey)) return keys;
      const next = new Set(keys);
      next.add(elementKey);
      return next;
    });
  };
  const onSaving = (elementKey: string, saving: boolean) => {
    setSavingKeys((keys) => {
      if (keys.has(elementKey) === saving) return keys;
      const next = new Set(keys);
      if (saving) next.add(elementKey);
      else next.delete(elementKey);
      return next;
    });
  };
  const onSessionEnded = () => setSessionEnded(true);

  if (!round.data || !mine.data) return null;
  const content = round.data.framework.content;
  const ratings = new Map(mine.data.ratings.map((rating) => [rating.elementKey, rating]));
  const allKeys = content.areas.flatMap((area) => area.elements.map((element) => element.key));
  const answered = new Set([...mine.data.ratings.map((rating) => rating.elementKey), ...savedKeys]);
  const answeredCount = allKeys.filter((key) => answered.has(key)).length;
  const total = allKeys.length;
  const missing = content.areas.flatMap((area) => area.elements.filter((element) => !answered.has(element.key)));
  const submittedAt = submit.data?.submittedAt ?? mine.data.submittedAt;
  const saving = savingKeys.size > 0;
  const progress = t("progress", { answered: answeredCount, total });

  function onSubmit() {
    setShowMissing(false);
    submit.mutate(input, {
      onError: (error) => {
        if (error.data?.messageKey === "responsesMissing") setShowMissing(true);
        if (isSessionEnded(error)) setSessionEnded(true);
      },
    });
  }

  return (
    <>
      <p className="lead">
        {t("respondIntro")} <strong>{t("respondCloses")}</strong> <CalendarDate value={mine.data.round.closesOn} />
      </p>
      <p className="progress-count" aria-live="polite">
        {progress}
      </p>
      {submittedAt && (
        <SuccessMessage>
          {t.rich("submittedOn", { date: () => <DateTime value={submittedAt} withTime /> })}
        </SuccessMessage>
      )}
      {sessionEnded && (
        <div className="alert error" role="alert">
          {t("sessionEnded")}{" "}
          {/* A full page load: the sign-in page must see the session is gone, and coming back restores from this device. */}
          <a href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}>{t("signInAgain")}</a>
        </div>
      )}
      <p>{t("respondHowTo")}</p>

      {content.areas.map((area) => (
        <section key={area.key} aria-labelledby={`area-${area.key}`}>
          <h2 id={`area-${area.key}`}>{t("areaHeading", { key: area.key, name: area.name })}</h2>
          {area.description && <p>{area.description}</p>}
          {area.elements.map((element) => (
            <ElementQuestion
              key={element.key}
              taskForceSlug={taskForceSlug}
              roundId={roundId}
              userId={userId}
              element={element}
              stages={content.stages}
              initial={ratings.get(element.key) ?? null}
              onSaved={onSaved}
              onSaving={onSaving}
              onSessionEnded={onSessionEnded}
            />
          ))}
        </section>
      ))}

      <section aria-labelledby="submit-heading" className="submit-box">
        <h2 id="submit-heading">{t("submitHeading")}</h2>
        <p>{progress}</p>
        <p>{submittedAt ? t("submitAgainHint") : t("submitHint")}</p>
        <FormError error={submit.error} />
        {showMissing && missing.length > 0 && (
          <nav aria-label={t("missingHeading")} ref={missingList} tabIndex={-1}>
            <p>{t("missingHeading")}</p>
            <ul>
              {missing.map((element) => (
                <li key={element.key}>
                  <a href={`#${elementAnchor(element.key)}`}>{element.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {!submittedAt && (
          <button type="button" onClick={onSubmit} disabled={submit.isPending || saving}>
            {saving ? t("waitForSaving") : submit.isPending ? t("submitting") : t("submit")}
          </button>
        )}
      </section>
    </>
  );
}
