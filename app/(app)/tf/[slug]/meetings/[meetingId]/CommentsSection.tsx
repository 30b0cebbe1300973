"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

/* Comments on a meeting's draft minutes. */


export function CommentsSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("minutes");
  const tPrivacy = useTranslations("privacy");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [formKey, setFormKey] = useState(0);
  const comment = useMutation(trpc.meeting.commentOnMinutes.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { comments, rights } = query.data;
  if (comments.length === 0 && !rights.comment) return null;
  return (
    <section className="meeting-section no-print" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("commentsHeading")}</h2>
      {comments.length === 0 && <p>{t("noComments")}</p>}
      <ul className="plain-list">
        {comments.map((row) => (
          <li key={row.id} className="agenda-item">
            <p className="hint">
              {row.authorName} · <DateTime value={row.createdAt} withTime />
            </p>
            <p className="minutes-text">{row.body}</p>
          </li>
        ))}
      </ul>
      {rights.comment && (
        <form
          key={formKey}
          className="stack"
          noValidate
          aria-labelledby="comments-heading"
          onSubmit={(event) => {
            event.preventDefault();
            comment.mutate({ taskForceSlug, meetingId, body: formText(event.currentTarget, "body") }, { onSuccess: () => setFormKey((key) => key + 1) });
          }}
        >
          <FormError error={comment.error} />
          <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
          <Field label={t("commentLabel")} name="body" errors={fieldErrorsOf(comment.error)} required>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
          <div>
            <button type="submit" disabled={comment.isPending}>
              {t("comment")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
