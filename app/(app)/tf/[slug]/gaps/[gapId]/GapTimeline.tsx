"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { useInvalidateGaps } from "./GapDetail";

type Event = {
  id: string;
  kind: "status_change" | "comment" | "update";
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  sharedWithFunders: boolean;
  actorName: string | null;
  createdAt: Date;
};

export function GapTimeline({
  taskForceSlug,
  gapId,
  timeline,
  canComment,
  canShare,
}: {
  taskForceSlug: string;
  gapId: string;
  timeline: Event[];
  canComment: boolean;
  canShare: boolean;
}) {
  const t = useTranslations("gaps");
  const format = useFormatter();
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const invalidate = useInvalidateGaps();
  const [formKey, setFormKey] = useState(0);
  const [sent, setSent] = useState(false);
  const comment = useMutation(trpc.gap.comment.mutationOptions({ onSuccess: () => invalidate() }));
  const statusText = (status: string | null) => (status ? t(`status.${status as "open"}`) : "");
  // The history keeps the changed fields' names; people read them as words ("owner, due date").
  const changedFields = (body: string | null) =>
    format.list(
      (body ?? "")
        .split(",")
        .map((field) => field.trim())
        .filter(Boolean)
        .map((field) => (t.has(`changedField.${field as "title"}`) ? t(`changedField.${field as "title"}`) : field)),
      { type: "conjunction" },
    );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const form = event.currentTarget;
    comment.mutate(
      { taskForceSlug, gapId, body: formText(form, "body"), sharedWithFunders: canShare && new FormData(form).get("sharedWithFunders") === "on" },
      {
        onSuccess: () => {
          setSent(true);
          setFormKey((key) => key + 1);
        },
      },
    );
  }
  const errors = fieldErrorsOf(comment.error);
  return (
    <section aria-labelledby="gap-timeline-heading">
      <h2 id="gap-timeline-heading">{t("timelineHeading")}</h2>
      <ol className="plain-list gap-timeline">
        {timeline.map((event) => (
          <li key={event.id} className="element-result">
            <p>
              <strong>
                {event.kind === "status_change"
                  ? event.fromStatus
                    ? t("eventStatus", { from: statusText(event.fromStatus), to: statusText(event.toStatus) })
                    : t("eventOpened")
                  : event.kind === "update"
                    ? t("eventUpdate", { fields: changedFields(event.body) })
                    : t("eventComment")}
              </strong>{" "}
              — {event.actorName ?? t("someone")}, <DateTime value={event.createdAt} withTime />
              {event.kind === "comment" && event.sharedWithFunders && <> ({t("sharedWithFunders")})</>}
            </p>
            {event.kind !== "update" && event.body && <p className="evidence-text">{event.body}</p>}
          </li>
        ))}
      </ol>
      {canComment && (
        <>
          <h3 id="gap-comment-heading">{t("commentHeading")}</h3>
          {sent && <SuccessMessage>{t("commentSent")}</SuccessMessage>}
          <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="gap-comment-heading">
            <FormError error={comment.error} />
            <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
            <Field label={t("commentLabel")} name="body" errors={errors} required>
              {(control) => <textarea {...control} rows={3} />}
            </Field>
            {canShare && (
              <label className="choice">
                <input type="checkbox" name="sharedWithFunders" />
                {t("shareWithFunders")}
              </label>
            )}
            <div>
              <button type="submit" disabled={comment.isPending}>
                {t("addComment")}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
