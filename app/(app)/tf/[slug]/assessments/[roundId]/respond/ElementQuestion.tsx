"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { fieldErrorsOf, useErrorMessage, useFieldMessage, type ClientError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FrameworkElement, FrameworkStage } from "@/db/schema";
import type { FieldErrors } from "@/server/trpc/fieldErrors";
import { elementAnchor } from "./areas";

type Answer = "stage" | "dont_know" | "not_applicable";

interface Values {
  answer: Answer | null;
  stage: number | null;
  rationale: string;
  evidence: string;
  /** The evidence links as typed: one per line. */
  links: string;
}

interface SavedRating {
  answer: Answer;
  stage: number | null;
  rationale: string;
  evidence: string;
  evidenceLinks: string[];
}

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; reason: string }
  | { kind: "needsRating" }
  | { kind: "sessionEnded" };

interface Props {
  taskForceSlug: string;
  roundId: string;
  userId: string;
  element: FrameworkElement;
  stages: FrameworkStage[];
  initial: SavedRating | null;
  onSaved: (elementKey: string) => void;
  onSaving: (elementKey: string, saving: boolean) => void;
  onSessionEnded: () => void;
}

/** Typing is saved this long after the last keystroke (and at once when the field is left). */
const TYPING_DELAY_MS = 800;

function valuesOf(rating: SavedRating | null): Values {
  if (!rating) return { answer: null, stage: null, rationale: "", evidence: "", links: "" };
  return { answer: rating.answer, stage: rating.stage, rationale: rating.rationale, evidence: rating.evidence, links: rating.evidenceLinks.join("\n") };
}

const linksOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);

/*
 * Unsaved edits are kept in localStorage until the server has them, so closing the tab or an ended
 * session loses nothing. The key names the person too: on a shared computer, nobody else's draft
 * is ever restored into someone's form.
 */
const storageKey = (userId: string, roundId: string, elementKey: string) => `tfr:response-draft:${userId}:${roundId}:${elementKey}`;

function readLocal(key: string): Values | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<Values>;
    return {
      answer: parsed.answer === "stage" || parsed.answer === "dont_know" || parsed.answer === "not_applicable" ? parsed.answer : null,
      stage: typeof parsed.stage === "number" ? parsed.stage : null,
      rationale: typeof parsed.rationale === "string" ? parsed.rationale : "",
      evidence: typeof parsed.evidence === "string" ? parsed.evidence : "",
      links: typeof parsed.links === "string" ? parsed.links : "",
    };
  } catch {
    return null;
  }
}

function writeLocal(key: string, values: Values | null) {
  try {
    if (values) window.localStorage.setItem(key, JSON.stringify(values));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled (private mode): the server save still runs; nothing more to do.
  }
}

/**
 * One key element: a stage from 1 to 5 (each with what it looks like for this element), don't
 * know or not applicable, and optional reasons and evidence. A choice is saved at once; text after
 * a pause in typing or when the field is left. Saves run one at a time, the latest edit last, so
 * an older save can never overwrite a newer one.
 */
export function ElementQuestion({ taskForceSlug, roundId, userId, element, stages, initial, onSaved, onSaving, onSessionEnded }: Props) {
  const t = useTranslations("assessments");
  const tPrivacy = useTranslations("privacy");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldMessage();
  const trpc = useTRPC();
  const saveDraft = useMutation(trpc.assessment.saveDraft.mutationOptions());
  const id = useId();
  const key = storageKey(userId, roundId, element.key);

  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const latest = useRef(values);
  const lastSaved = useRef(JSON.stringify(valuesOf(initial)));
  const inFlight = useRef(false);
  const queued = useRef<Values | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  async function send(next: Values): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!next.answer) {
      setStatus({ kind: "needsRating" });
      return;
    }
    if (JSON.stringify(next) === lastSaved.current) return;
    if (inFlight.current) {
      queued.current = next;
      return;
    }
    inFlight.current = true;
    onSaving(element.key, true);
    setStatus({ kind: "saving" });
    try {
      const result = await saveDraft.mutateAsync({
        taskForceSlug,
        roundId,
        elementKey: element.key,
        answer: next.answer,
        stage: next.answer === "stage" ? next.stage : null,
        rationale: next.rationale,
        evidence: next.evidence,
        evidenceLinks: linksOf(next.links),
      });
      lastSaved.current = JSON.stringify(next);
      // Edits made while this save travelled stay on the device until their own save lands.
      if (sameValues(latest.current, next)) writeLocal(key, null);
      setErrors({});
      setStatus({ kind: "saved", at: result.savedAt });
      onSaved(element.key);
    } catch (error) {
      if (error instanceof TRPCClientError && (error as ClientError).data?.code === "UNAUTHORIZED") {
        setStatus({ kind: "sessionEnded" });
        onSessionEnded();
      } else {
        const clientError = error instanceof TRPCClientError ? (error as ClientError) : null;
        setErrors(fieldErrorsOf(clientError));
        setStatus({ kind: "failed", reason: clientError ? errorMessage(clientError) : t("saveFailedOffline") });
      }
    } finally {
      inFlight.current = false;
      onSaving(element.key, false);
      const waiting = queued.current;
      queued.current = null;
      if (waiting) void send(waiting);
    }
  }

  function change(next: Values, when: "now" | "afterTyping") {
    latest.current = next;
    setValues(next);
    writeLocal(key, next);
    if (when === "now") {
      void send(next);
    } else {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(latest.current), TYPING_DELAY_MS);
    }
  }

  // Coming back (a new tab, or after signing in again): restore what this device kept and save it.
  useEffect(() => {
    const stored = readLocal(key);
    if (!stored) return;
    if (JSON.stringify(stored) === lastSaved.current) {
      writeLocal(key, null);
      return;
    }
    latest.current = stored;
    setValues(stored);
    void send(stored);
    // Runs once per element on mount; send() reads the refs, not stale state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const choice = values.answer === "stage" ? String(values.stage) : (values.answer ?? "");
  function onChoice(event: ChangeEvent<HTMLInputElement>) {
    const value = event.target.value;
    const next: Values =
      value === "dont_know" || value === "not_applicable"
        ? { ...values, answer: value, stage: null }
        : { ...values, answer: "stage", stage: Number(value) };
    change(next, "now");
  }
  const onText = (field: "rationale" | "evidence" | "links") => (event: ChangeEvent<HTMLTextAreaElement>) =>
    change({ ...latest.current, [field]: event.target.value }, "afterTyping");
  const onLeave = () => void send(latest.current);

  const statusText = (() => {
    switch (status.kind) {
      case "saving":
        return t("saving");
      case "saved":
        return t("savedAt", { time: format.dateTime(status.at, { timeStyle: "short" }) });
      case "failed":
        return t("notSaved", { reason: status.reason });
      case "needsRating":
        return t("needsRating");
      case "sessionEnded":
        return t("keptOnDevice");
      default:
        return "";
    }
  })();

  const problems = (name: string) => (errors[name] ?? []).map(fieldMessage).join(" ");
  const linkProblems = Object.entries(errors)
    .filter(([name]) => name.startsWith("evidenceLinks"))
    .map(([name, messages]) => {
      const line = Number(name.split(".")[1]);
      const text = messages.map(fieldMessage).join(" ");
      return Number.isInteger(line) ? t("linkProblem", { line: line + 1, problem: text }) : text;
    })
    .join(" ");
  const choiceProblem = problems("answer") || problems("stage");
  const privacyId = `${id}-privacy`;
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;

  return (
    <fieldset className="element-question" id={elementAnchor(element.key)} data-element-key={element.key} tabIndex={-1}>
      <legend>{element.name}</legend>
      <p className="element-description">{element.description}</p>
      <div className="choice-group" role="radiogroup" aria-label={t("ratingOf", { element: element.name })} aria-describedby={choiceProblem ? `${id}-choice-error` : undefined}>
        {stages.map((stage) => {
          const value = String(stage.number);
          const rubric = element.rubric?.[value as "1" | "2" | "3" | "4" | "5"] ?? stage.description;
          return (
            <div className="choice" key={stage.number}>
              <input
                type="radio"
                id={`${id}-${value}`}
                name={`answer-${element.key}`}
                value={value}
                checked={choice === value}
                onChange={onChoice}
                aria-describedby={`${id}-${value}-rubric`}
              />
              <label htmlFor={`${id}-${value}`}>{t("stageOption", { number: stage.number, name: stage.name })}</label>
              <span className="hint" id={`${id}-${value}-rubric`}>
                {rubric}
              </span>
            </div>
          );
        })}
        {(["dont_know", "not_applicable"] as const).map((value) => (
          <div className="choice" key={value}>
            <input type="radio" id={`${id}-${value}`} name={`answer-${element.key}`} value={value} checked={choice === value} onChange={onChoice} />
            <label htmlFor={`${id}-${value}`}>{t(value === "dont_know" ? "dontKnow" : "notApplicable")}</label>
          </div>
        ))}
        {choiceProblem && (
          <span className="error" id={`${id}-choice-error`}>
            {choiceProblem}
          </span>
        )}
      </div>

      <p className="privacy-note" id={privacyId}>
        {tPrivacy("noSurvivorNames")}
      </p>
      <div className="field">
        <label htmlFor={`${id}-rationale`}>{t("rationale")}</label>
        <textarea
          id={`${id}-rationale`}
          rows={3}
          value={values.rationale}
          onChange={onText("rationale")}
          onBlur={onLeave}
          aria-describedby={describe(privacyId, !!problems("rationale") && `${id}-rationale-error`)}
          aria-invalid={problems("rationale") ? true : undefined}
        />
        {problems("rationale") && (
          <span className="error" id={`${id}-rationale-error`}>
            {problems("rationale")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-evidence`}>{t("evidence")}</label>
        <textarea
          id={`${id}-evidence`}
          rows={3}
          value={values.evidence}
          onChange={onText("evidence")}
          onBlur={onLeave}
          aria-describedby={describe(privacyId, !!problems("evidence") && `${id}-evidence-error`)}
          aria-invalid={problems("evidence") ? true : undefined}
        />
        {problems("evidence") && (
          <span className="error" id={`${id}-evidence-error`}>
            {problems("evidence")}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-links`}>{t("evidenceLinks")}</label>
        <span className="hint" id={`${id}-links-hint`}>
          {t("evidenceLinksHint")}
        </span>
        <textarea
          id={`${id}-links`}
          rows={2}
          value={values.links}
          onChange={onText("links")}
          onBlur={onLeave}
          aria-describedby={describe(`${id}-links-hint`, !!linkProblems && `${id}-links-error`)}
          aria-invalid={linkProblems ? true : undefined}
        />
        {linkProblems && (
          <span className="error" id={`${id}-links-error`}>
            {linkProblems}
          </span>
        )}
      </div>
      <div className="save-line">
        <p className="save-status" role="status">
          {statusText}
        </p>
        {status.kind === "failed" && (
          <button type="button" className="secondary" onClick={() => void send({ ...latest.current })}>
            {t("retrySave", { element: element.name })}
          </button>
        )}
      </div>
    </fieldset>
  );
}
