"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SelectField } from "@/app/_components/forms";
import { DECISION_STATUSES } from "@/db/vocabulary/meetings";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

/* The decisions a meeting recorded, and their status. */


export function DecisionsSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("decisions");
  const tPrivacy = useTranslations("privacy");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [formKey, setFormKey] = useState(0);
  const record = useMutation(trpc.meeting.recordDecision.mutationOptions({ onSuccess: refresh }));
  const change = useMutation(trpc.meeting.changeDecisionStatus.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { decisions, rights, agenda } = query.data;

  function onRecord(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    record.mutate(
      {
        taskForceSlug,
        meetingId,
        agendaItemId: orNull(formText(form, "agendaItemId")),
        text: formText(form, "text"),
        outcome: formText(form, "outcome"),
        status: formText(form, "status") as (typeof DECISION_STATUSES)[number],
      },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  }
  const errors = fieldErrorsOf(record.error);
  return (
    <section className="meeting-section" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("heading")}</h2>
      {decisions.length === 0 && <p>{t("none")}</p>}
      <FormError error={change.error} />
      <ul className="plain-list">
        {decisions.map((decision) => (
          <li key={decision.id} className="agenda-item">
            <p>
              <strong>{decision.text}</strong>
            </p>
            {decision.outcome && <p className="minutes-text">{decision.outcome}</p>}
            {rights.manageLater ? (
              <label className="no-print">
                {t("statusLabel")}{" "}
                <select value={decision.status} onChange={(event) => change.mutate({ taskForceSlug, decisionId: decision.id, status: event.target.value as (typeof DECISION_STATUSES)[number] })}>
                  {DECISION_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p>{t("statusFact", { status: t(`status.${decision.status}`) })}</p>
            )}
          </li>
        ))}
      </ul>
      {rights.manage && (
        <form key={formKey} className="stack no-print" onSubmit={onRecord} noValidate aria-labelledby="record-decision-heading">
          <h3 id="record-decision-heading">{t("recordHeading")}</h3>
          <FormError error={record.error} />
          <SelectField label={t("agendaItemLabel")} name="agendaItemId" options={agenda.map((item) => ({ value: item.id, label: item.title }))} noneLabel={t("noAgendaItem")} errors={errors} />
          <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
          <Field label={t("textLabel")} name="text" errors={errors} required>
            {(control) => <textarea {...control} rows={2} />}
          </Field>
          <Field label={t("outcomeLabel")} name="outcome" errors={errors}>
            {(control) => <textarea {...control} rows={2} />}
          </Field>
          <Field label={t("statusLabel")} name="status" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="in_effect">
                {DECISION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={record.isPending}>
              {t("record")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
