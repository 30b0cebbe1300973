"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull } from "@/app/_components/forms";
import { EditInPlace } from "@/app/_components/EditInPlace";
import { OrganizationPicker, PersonPicker } from "@/app/_components/Pickers";
import { MinutesText } from "../_components/MinutesText";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

/* A meeting's agenda, with the minutes of each item (drafted, then approved with the meeting). */


export function AgendaSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const tMinutes = useTranslations("minutes");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [formKey, setFormKey] = useState(0);
  const add = useMutation(trpc.meeting.addAgendaItem.mutationOptions({ onSuccess: refresh }));
  const move = useMutation(trpc.meeting.moveAgendaItem.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.meeting.removeAgendaItem.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { agenda, rights, people, organizations } = query.data;

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({ taskForceSlug, meetingId, ...agendaItemValues(event.currentTarget) }, { onSuccess: () => setFormKey((key) => key + 1) });
  }
  const errors = fieldErrorsOf(add.error);
  return (
    <section className="meeting-section" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("agendaHeading")}</h2>
      {agenda.length === 0 && <p>{t("agendaEmpty")}</p>}
      <FormError error={move.error ?? remove.error} />
      <ol className="agenda-list">
        {agenda.map((item, index) => (
          <li key={item.id} className="agenda-item">
            <h3>{item.title}</h3>
            <p className="hint">
              {[
                item.presenterName ?? item.presenterOrganizationName,
                item.minutesAllotted ? t("minutesAllotted", { minutes: item.minutesAllotted }) : null,
                item.needsDecision ? t("needsDecision") : null,
                item.carriedActionItemId ? t("carriedAction") : null,
                item.carriedFromAgendaItemId ? t("carriedItem") : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {item.notes && <p className="minutes-text">{item.notes}</p>}
            {rights.manage && (
              <div className="inline-actions no-print">
                <button type="button" className="secondary" disabled={index === 0 || move.isPending} onClick={() => move.mutate({ taskForceSlug, meetingId, agendaItemId: item.id, direction: "up" })}>
                  {t("moveUp", { title: item.title })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={index === agenda.length - 1 || move.isPending}
                  onClick={() => move.mutate({ taskForceSlug, meetingId, agendaItemId: item.id, direction: "down" })}
                >
                  {t("moveDown", { title: item.title })}
                </button>
                <button type="button" className="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ taskForceSlug, meetingId, agendaItemId: item.id })}>
                  {t("removeItem", { title: item.title })}
                </button>
              </div>
            )}
            {rights.manage && <AgendaItemEditor taskForceSlug={taskForceSlug} meetingId={meetingId} item={item} people={people} organizations={organizations} />}
            {rights.manage ? (
              <MinutesEditor taskForceSlug={taskForceSlug} meetingId={meetingId} agendaItemId={item.id} title={item.title} body={item.minutes ?? ""} />
            ) : (
              item.minutes !== null &&
              item.minutes !== "" && (
                <>
                  <h4>{tMinutes("heading")}</h4>
                  <MinutesText>{item.minutes}</MinutesText>
                </>
              )
            )}
          </li>
        ))}
      </ol>
      {rights.manage && (
        <form key={formKey} className="stack no-print" onSubmit={onAdd} noValidate aria-labelledby="add-agenda-heading">
          <h3 id="add-agenda-heading">{t("addItemHeading")}</h3>
          <FormError error={add.error} />
          <AgendaItemFields errors={errors} people={people} organizations={organizations} />
          <div>
            <button type="submit" disabled={add.isPending}>
              {t("addItem")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

type MeetingData = NonNullable<ReturnType<typeof useMeeting>["query"]["data"]>;
type AgendaItem = MeetingData["agenda"][number];
type Choices = { people: MeetingData["people"]; organizations: MeetingData["organizations"] };

/** What an agenda item form holds, as the add and update procedures take it. */
function agendaItemValues(form: HTMLFormElement) {
  const minutes = formText(form, "minutesAllotted");
  return {
    title: formText(form, "title"),
    presenterUserId: orNull(formText(form, "presenterUserId")),
    presenterOrganizationId: orNull(formText(form, "presenterOrganizationId")),
    minutesAllotted: minutes === "" ? null : Number(minutes),
    notes: formText(form, "notes"),
    needsDecision: new FormData(form).get("needsDecision") === "on",
  };
}

/** The fields of an agenda item, empty for a new one or filled with an existing item's values. */
function AgendaItemFields({ errors, people, organizations, item }: Choices & { errors: ReturnType<typeof fieldErrorsOf>; item?: AgendaItem }) {
  const t = useTranslations("meetings");
  const tPrivacy = useTranslations("privacy");
  return (
    <>
      <Field label={t("itemTitleLabel")} name="title" errors={errors} required defaultValue={item?.title} />
      <PersonPicker label={t("presenterLabel")} name="presenterUserId" people={people} noneLabel={t("noneChosen")} defaultValue={item?.presenterUserId} errors={errors} />
      <OrganizationPicker label={t("presenterOrganizationLabel")} name="presenterOrganizationId" organizations={organizations} noneLabel={t("noneChosen")} defaultValue={item?.presenterOrganizationId} errors={errors} />
      <Field label={t("minutesAllottedLabel")} name="minutesAllotted" type="number" errors={errors} defaultValue={item?.minutesAllotted?.toString()} />
      <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
      <Field label={t("notesLabel")} name="notes" errors={errors}>
        {(control) => <textarea {...control} rows={2} defaultValue={item?.notes ?? ""} />}
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" name="needsDecision" defaultChecked={item?.needsDecision ?? false} />
          {t("needsDecisionLabel")}
        </label>
      </div>
    </>
  );
}

/** Changing an agenda item in place; uncontrolled, so a refused save keeps what was typed. */
function AgendaItemEditor({ taskForceSlug, meetingId, item, people, organizations }: Props & Choices & { item: AgendaItem }) {
  const t = useTranslations("meetings");
  const { refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const update = useMutation(trpc.meeting.updateAgendaItem.mutationOptions({ onSuccess: refresh }));
  const labels = { open: t("editItem", { title: item.title }), heading: t("editItemHeading", { title: item.title }), saved: t("saved"), submit: t("saveItem") };
  return (
    <EditInPlace className="no-print" labels={labels} save={update} onSubmit={(form) => update.mutate({ taskForceSlug, meetingId, agendaItemId: item.id, ...agendaItemValues(form) })}>
      {(errors) => <AgendaItemFields errors={errors} people={people} organizations={organizations} item={item} />}
    </EditInPlace>
  );
}

/** The minutes of one agenda item; uncontrolled, so a refused save keeps what was typed. */
function MinutesEditor({ taskForceSlug, meetingId, agendaItemId, title, body }: Props & { agendaItemId: string; title: string; body: string }) {
  const t = useTranslations("minutes");
  const tPrivacy = useTranslations("privacy");
  const { refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [saved, setSaved] = useState(false);
  // What the minutes will look like, as they are typed (the textarea itself stays uncontrolled).
  const [draft, setDraft] = useState(body);
  const save = useMutation(trpc.meeting.saveMinutes.mutationOptions({ onSuccess: refresh }));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate({ taskForceSlug, meetingId, agendaItemId, body: formText(event.currentTarget, "body") }, { onSuccess: () => setSaved(true) });
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("editorLabel", { title })}>
      <FormError error={save.error} />
      <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
      <Field label={t("editorLabel", { title })} name="body" errors={fieldErrorsOf(save.error)} hint={t("markdownHint")}>
        {(control) => <textarea {...control} rows={4} defaultValue={body} onChange={(event) => setDraft(event.currentTarget.value)} />}
      </Field>
      {draft.trim() !== "" && (
        <details className="minutes-preview">
          <summary>{t("preview")}</summary>
          <MinutesText>{draft}</MinutesText>
        </details>
      )}
      <div className="save-line">
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
        {saved && <span role="status">{t("saved")}</span>}
      </div>
    </form>
  );
}
