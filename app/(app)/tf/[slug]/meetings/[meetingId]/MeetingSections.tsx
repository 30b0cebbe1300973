"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { DueCell } from "@/app/_components/DueCell";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { ATTENDANCE_STATUSES, DECISION_STATUSES } from "@/db/vocabulary/meetings";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { MinutesText } from "../_components/MinutesText";
import { useMeeting } from "./MeetingDetail";

type Props = { taskForceSlug: string; meetingId: string };
const orNull = (value: string) => (value === "" ? null : value);

/* ---------- agenda and minutes ---------- */

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
      <Field label={t("presenterLabel")} name="presenterUserId" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={item?.presenterUserId ?? ""}>
            <option value="">{t("noneChosen")}</option>
            {people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.organizationName ? `${person.name} (${person.organizationName})` : person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("presenterOrganizationLabel")} name="presenterOrganizationId" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={item?.presenterOrganizationId ?? ""}>
            <option value="">{t("noneChosen")}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        )}
      </Field>
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
  const headingId = `edit-item-${item.id}`;
  return (
    <details className="no-print">
      <summary>{t("editItem", { title: item.title })}</summary>
      <form
        className="stack"
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ taskForceSlug, meetingId, agendaItemId: item.id, ...agendaItemValues(event.currentTarget) });
        }}
      >
        <h4 id={headingId}>{t("editItemHeading", { title: item.title })}</h4>
        {update.isSuccess && <SuccessMessage>{t("saved")}</SuccessMessage>}
        <FormError error={update.error} />
        <AgendaItemFields errors={fieldErrorsOf(update.error)} people={people} organizations={organizations} item={item} />
        <div>
          <button type="submit" disabled={update.isPending}>
            {t("saveItem")}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The minutes of one agenda item; uncontrolled, so a refused save keeps what was typed. */
function MinutesEditor({ taskForceSlug, meetingId, agendaItemId, title, body }: Props & { agendaItemId: string; title: string; body: string }) {
  const t = useTranslations("minutes");
  const tPrivacy = useTranslations("privacy");
  const { refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [saved, setSaved] = useState(false);
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
        {(control) => <textarea {...control} rows={4} defaultValue={body} />}
      </Field>
      <div className="save-line">
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
        {saved && <span role="status">{t("saved")}</span>}
      </div>
    </form>
  );
}

/* ---------- attendance ---------- */

export function AttendanceSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const tDisciplines = useTranslations("disciplines");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const record = useMutation(trpc.meeting.recordAttendance.mutationOptions({ onSuccess: refresh }));
  const own = useMutation(trpc.meeting.recordOwnAttendance.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.meeting.removeAttendance.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { attendance, rights, people, organizations, disciplinesPresent, attendanceRate, ownAttendance } = query.data;
  const disciplineName = (key: string | null) => (key && (DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : (key ?? t("noDiscipline")));

  function onRecord(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    record.mutate({
      taskForceSlug,
      meetingId,
      entries: [{ userId: orNull(formText(form, "userId")), organizationId: orNull(formText(form, "organizationId")), status: formText(form, "status") as (typeof ATTENDANCE_STATUSES)[number] }],
    });
  }
  const errors = fieldErrorsOf(record.error);
  return (
    <section className="meeting-section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t("attendanceHeading")}</h2>
      <p>
        {disciplinesPresent.length === 0
          ? t("noDisciplinesPresent")
          : t("disciplinesPresentList", { list: disciplinesPresent.map((key) => disciplineName(key)).join(", ") })}
        {attendanceRate !== null && ` ${t("attendanceRateFact", { rate: Math.round(attendanceRate * 100) })}`}
      </p>
      {attendance.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("attendanceHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("personColumn")}</th>
                <th scope="col">{t("organizationColumn")}</th>
                <th scope="col">{t("disciplineColumn")}</th>
                <th scope="col">{t("attendanceStatusColumn")}</th>
                {rights.manage && <th scope="col">{t("changeColumn")}</th>}
              </tr>
            </thead>
            <tbody>
              {attendance.map((row) => (
                <tr key={row.id}>
                  <td>{row.userName ?? t("wholeOrganization")}</td>
                  <td>{row.organizationName ?? "—"}</td>
                  <td>{disciplineName(row.discipline)}</td>
                  <td>{t(`attendance.${row.status}`)}</td>
                  {rights.manage && (
                    <td>
                      <button type="button" className="secondary" onClick={() => remove.mutate({ taskForceSlug, meetingId, attendanceId: row.id })}>
                        {t("removeAttendance", { name: row.userName ?? row.organizationName ?? "" })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={remove.error} />
      {rights.manage && (
        <form className="stack no-print" onSubmit={onRecord} noValidate aria-labelledby="record-attendance-heading">
          <h3 id="record-attendance-heading">{t("recordAttendanceHeading")}</h3>
          <p className="hint">{t("recordAttendanceHint")}</p>
          <FormError error={record.error} />
          <Field label={t("personLabel")} name="userId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("wholeOrganization")}</option>
                {people.map((person) => (
                  <option key={person.userId} value={person.userId}>
                    {person.organizationName ? `${person.name} (${person.organizationName})` : person.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("attendanceOrganizationLabel")} name="organizationId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("personsOrganization")}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("attendanceStatusLabel")} name="status" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="present">
                {ATTENDANCE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`attendance.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={record.isPending}>
              {t("recordAttendance")}
            </button>
          </div>
        </form>
      )}
      {rights.attendOwn && !rights.manage && (
        <form
          className="stack no-print"
          aria-labelledby="own-attendance-heading"
          onSubmit={(event) => {
            event.preventDefault();
            own.mutate({ taskForceSlug, meetingId, status: formText(event.currentTarget, "status") as (typeof ATTENDANCE_STATUSES)[number] });
          }}
        >
          <h3 id="own-attendance-heading">{t("ownAttendanceHeading")}</h3>
          <FormError error={own.error} />
          {ownAttendance && <p>{t("ownAttendanceIs", { status: t(`attendance.${ownAttendance}`) })}</p>}
          <Field label={t("attendanceStatusLabel")} name="status" errors={fieldErrorsOf(own.error)}>
            {(control) => (
              <select {...control} defaultValue={ownAttendance ?? "present"}>
                {ATTENDANCE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`attendance.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={own.isPending}>
              {t("recordOwnAttendance")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/* ---------- decisions ---------- */

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
          <Field label={t("agendaItemLabel")} name="agendaItemId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("noAgendaItem")}</option>
                {agenda.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
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

/* ---------- action items ---------- */

export function ActionsSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.meeting.createAction.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { actionItems, rights, people, organizations, today } = query.data;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    create.mutate(
      {
        taskForceSlug,
        meetingId,
        title,
        assigneeUserId: orNull(formText(form, "assigneeUserId")),
        assigneeOrganizationId: orNull(formText(form, "assigneeOrganizationId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      {
        onSuccess: () => {
          setCreated(title);
          setFormKey((key) => key + 1);
        },
      },
    );
  }
  const errors = fieldErrorsOf(create.error);
  return (
    <section className="meeting-section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("actionsHeading")}</h2>
      {actionItems.length === 0 ? (
        <p>{t("actionsNone")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("actionsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actionColumn")}</th>
                <th scope="col">{t("assigneeColumn")}</th>
                <th scope="col">{t("dueColumn")}</th>
                <th scope="col">{t("actionStatusColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {actionItems.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>{[item.assigneeName, item.assigneeOrganizationName].filter(Boolean).join(", ") || "—"}</td>
                  <td>
                    <DueCell dueOn={item.dueOn} dueState={item.dueState} />
                  </td>
                  <td>{t(`actionStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="no-print">
        <a href={`/tf/${taskForceSlug}/actions`}>{t("trackerLink")}</a>
      </p>
      {rights.manageLater && (
        <form key={formKey} className="stack no-print" onSubmit={onCreate} noValidate aria-labelledby="create-action-heading">
          <h3 id="create-action-heading">{t("createActionHeading")}</h3>
          {created && <SuccessMessage>{t("actionCreated", { title: created })}</SuccessMessage>}
          <FormError error={create.error} />
          <Field label={t("actionTitleLabel")} name="title" errors={errors} required />
          <Field label={t("assigneeLabel")} name="assigneeUserId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("noneChosen")}</option>
                {people
                  .filter((person) => person.role === "coordinator" || person.role === "member")
                  .map((person) => (
                    <option key={person.userId} value={person.userId}>
                      {person.organizationName ? `${person.name} (${person.organizationName})` : person.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t("assigneeOrganizationLabel")} name="assigneeOrganizationId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("noneChosen")}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} hint={t("dueHint", { today })} />
          <div>
            <button type="submit" disabled={create.isPending}>
              {t("createAction")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/* ---------- comments on draft minutes ---------- */

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
