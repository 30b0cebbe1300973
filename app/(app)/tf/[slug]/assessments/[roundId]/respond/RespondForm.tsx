"use client";

import { FrameworkLanguageNote } from "@/app/_components/FrameworkLanguageNote";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps, type FocusEvent, type MouseEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { FormError, SuccessMessage, type ClientError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { CalendarDate } from "@/app/_components/DateTime";
import { AREA_PARAM, areaCounts, areaFromParam, areaHref, elementAnchor, nextUnanswered, type ElementPlace } from "./areas";
import { ElementQuestion } from "./ElementQuestion";

interface Props {
  taskForceSlug: string;
  roundId: string;
  userId: string;
}

export function isSessionEnded(error: unknown): boolean {
  return error instanceof TRPCClientError && (error as ClientError).data?.code === "UNAUTHORIZED";
}

/**
 * A link within the respond page: a plain click runs `onFollow` (which shows the area without
 * leaving the page); one asking for a new tab or window is left to the browser, with the address.
 */
function InPageLink({ href, onFollow, children, ...props }: ComponentProps<"a"> & { href: string; onFollow: () => void }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onFollow();
  };
  return (
    <a {...props} href={href} onClick={onClick}>
      {children}
    </a>
  );
}

/** Brings an element into view below the progress bar and puts the keyboard on its first control. */
function focusElement(elementKey: string) {
  const fieldset = document.getElementById(elementAnchor(elementKey));
  if (!fieldset) return;
  fieldset.scrollIntoView({ block: "start" });
  (fieldset.querySelector<HTMLElement>("input, textarea") ?? fieldset).focus({ preventScroll: true });
}

function focusTarget(target: HTMLElement | null) {
  target?.scrollIntoView({ block: "start" });
  target?.focus({ preventScroll: true });
}

/**
 * The respondent's form: the round's framework one area of function at a time, the area named in
 * the address (`?area=B`) so a reload or the back button keeps the place. Each element saves itself
 * as it changes (see ElementQuestion); this component keeps the count of answered elements, the way
 * between areas, the session-ended notice and the explicit submit.
 *
 * Every area stays mounted and the ones not shown are only hidden: an element of another area keeps
 * its typing, its pending save and its draft on this device while the person looks elsewhere.
 */
export function RespondForm({ taskForceSlug, roundId, userId }: Props) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const searchParams = useSearchParams();
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
  const submitButton = useRef<HTMLButtonElement>(null);
  const submitHeading = useRef<HTMLHeadingElement>(null);

  const areas = round.data?.framework.content.areas ?? [];
  const areaKey = areaFromParam(areas, searchParams.get(AREA_PARAM));
  // The element last worked on: "next unanswered" looks on from there.
  const lastElement = useRef<string | null>(null);
  // What to focus once another area is shown: its elements cannot take focus while hidden.
  const afterShowing = useRef<(() => void) | null>(null);
  useEffect(() => {
    const then = afterShowing.current;
    afterShowing.current = null;
    then?.();
  }, [areaKey]);

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
  const onFocusElement = (event: FocusEvent<HTMLElement>) => {
    const key = event.target.closest<HTMLElement>("[data-element-key]")?.dataset.elementKey;
    if (key) lastElement.current = key;
  };

  /** Shows an area (in the address, as its own history entry) and then runs `then`. */
  function show(place: { areaKey: string; elementKey?: string }, then: () => void) {
    if (place.areaKey === areaKey) {
      then();
      return;
    }
    afterShowing.current = then;
    // Next's router follows the browser's history API, so the page updates without a server round trip.
    window.history.pushState(null, "", areaHref(pathname, place));
  }
  const showArea = (key: string) => {
    lastElement.current = null;
    show({ areaKey: key }, () => focusTarget(document.getElementById(`area-${key}`)));
  };
  const showElement = (place: ElementPlace) => show(place, () => focusElement(place.elementKey));
  const showSubmit = () => {
    const button = submitButton.current;
    focusTarget(button && !button.disabled ? button : submitHeading.current);
  };

  if (!round.data || !mine.data || !areaKey) return null;
  const content = round.data.framework.content;
  const ratings = new Map(mine.data.ratings.map((rating) => [rating.elementKey, rating]));
  const allKeys = content.areas.flatMap((area) => area.elements.map((element) => element.key));
  const answered = new Set([...mine.data.ratings.map((rating) => rating.elementKey), ...savedKeys]);
  const answeredCount = allKeys.filter((key) => answered.has(key)).length;
  const total = allKeys.length;
  const missing = content.areas.flatMap((area) => area.elements.filter((element) => !answered.has(element.key)).map((element) => ({ area, element })));
  const submittedAt = submit.data?.submittedAt ?? mine.data.submittedAt;
  const saving = savingKeys.size > 0;
  const progress = t("progress", { answered: answeredCount, total });
  const counts = new Map(areaCounts(content.areas, answered).map((count) => [count.key, count]));
  const areaName = (area: { key: string; name: string }) => t("areaHeading", { key: area.key, name: area.name });

  const onNextUnanswered = () => {
    // Looks on from the element last worked on only while it is in the area shown (not after "back").
    const current = content.areas.find((area) => area.key === areaKey);
    const from = current?.elements.some((element) => element.key === lastElement.current) ? lastElement.current : null;
    const next = nextUnanswered(content.areas, answered, { areaKey, elementKey: from });
    if (next) showElement(next);
    else showSubmit();
  };

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
    <div className="respond-form" onFocus={onFocusElement}>
      <p className="lead">
        {t("respondIntro")} <strong>{t("respondCloses")}</strong> <CalendarDate value={mine.data.round.closesOn} />
      </p>
      <FrameworkLanguageNote untranslatedTexts={round.data.framework.untranslatedTexts} />
      <div className="respond-bar">
        <div className="respond-progress">
          <p className="progress-count" aria-live="polite">
            {progress}
          </p>
          <progress value={answeredCount} max={total} aria-label={t("progressLabel")} aria-valuetext={progress} />
        </div>
        {missing.length > 0 ? (
          <button type="button" className="secondary" onClick={onNextUnanswered}>
            {t("nextUnanswered")}
          </button>
        ) : (
          !submittedAt && (
            <button type="button" onClick={showSubmit}>
              {t("goToSubmit")}
            </button>
          )
        )}
      </div>
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

      <nav aria-label={t("areasNav")} className="area-steps">
        <ol>
          {content.areas.map((area) => {
            const count = counts.get(area.key);
            return (
              <li key={area.key}>
                <InPageLink href={areaHref(pathname, { areaKey: area.key })} aria-current={area.key === areaKey ? "step" : undefined} onFollow={() => showArea(area.key)}>
                  <span className="area-step-name">{areaName(area)}</span>{" "}
                  <span className="area-step-count">{t("areaCount", { answered: count?.answered ?? 0, total: count?.total ?? 0 })}</span>
                </InPageLink>
              </li>
            );
          })}
        </ol>
      </nav>

      {content.areas.map((area, index) => {
        const previous = content.areas[index - 1];
        const following = content.areas[index + 1];
        return (
          <section key={area.key} aria-labelledby={`area-${area.key}`} hidden={area.key !== areaKey}>
            <h2 id={`area-${area.key}`} tabIndex={-1}>
              {areaName(area)}
            </h2>
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
            <div className="area-turns">
              {previous && (
                <InPageLink className="button secondary" href={areaHref(pathname, { areaKey: previous.key })} onFollow={() => showArea(previous.key)}>
                  {t("previousArea", { area: areaName(previous) })}
                </InPageLink>
              )}
              {following && (
                <InPageLink className="button secondary area-turn-next" href={areaHref(pathname, { areaKey: following.key })} onFollow={() => showArea(following.key)}>
                  {t("nextArea", { area: areaName(following) })}
                </InPageLink>
              )}
            </div>
          </section>
        );
      })}

      <section aria-labelledby="submit-heading" className="submit-box">
        <h2 id="submit-heading" ref={submitHeading} tabIndex={-1}>
          {t("submitHeading")}
        </h2>
        <p>{progress}</p>
        <p>{submittedAt ? t("submitAgainHint") : t("submitHint")}</p>
        <FormError error={submit.error} />
        {showMissing && missing.length > 0 && (
          <nav aria-label={t("missingHeading")} ref={missingList} tabIndex={-1}>
            <p>{t("missingHeading")}</p>
            <ul>
              {missing.map(({ area, element }) => (
                <li key={element.key}>
                  <InPageLink href={areaHref(pathname, { areaKey: area.key, elementKey: element.key })} onFollow={() => showElement({ areaKey: area.key, elementKey: element.key })}>
                    {t("missingElement", { element: element.name, area: areaName(area) })}
                  </InPageLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {!submittedAt && (
          <button type="button" ref={submitButton} onClick={onSubmit} disabled={submit.isPending || saving}>
            {saving ? t("waitForSaving") : submit.isPending ? t("submitting") : t("submit")}
          </button>
        )}
      </section>
    </div>
  );
}
