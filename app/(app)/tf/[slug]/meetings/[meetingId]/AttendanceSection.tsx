"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type MouseEvent } from "react";
import { DataTable } from "@/app/_components/DataTable";
import { fieldErrorsOf, FormError, formText, SelectField, SuccessMessage } from "@/app/_components/forms";
import { ATTENDANCE_STATUSES } from "@/db/vocabulary/meetings";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import type { FieldErrors } from "@/server/trpc/fieldErrors";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/* Who attended a meeting, by person or by organization. */

export function AttendanceSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const tDisciplines = useTranslations("disciplines");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const own = useMutation(trpc.meeting.recordOwnAttendance.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.meeting.removeAttendance.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { attendance, rights, disciplinesPresent, attendanceRate, ownAttendance } = query.data;
  const disciplineName = (key: string | null) => (key && (DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : (key ?? t("noDiscipline")));

  return (
    <section className="meeting-section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t("attendanceHeading")}</h2>
      <p>
        {disciplinesPresent.length === 0
          ? t("noDisciplinesPresent")
          : t("disciplinesPresentList", { list: disciplinesPresent.map((key) => disciplineName(key)).join(", ") })}
        {attendanceRate !== null && ` ${t("attendanceRateFact", { rate: Math.round(attendanceRate * 100) })}`}
      </p>
      <DataTable
        caption={t("attendanceHeading")}
        columns={[t("personColumn"), t("organizationColumn"), t("disciplineColumn"), t("attendanceStatusColumn"), rights.manage && t("changeColumn")]}
        rows={attendance}
        rowKey={(row) => row.id}
      >
        {(row) => (
          <>
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
          </>
        )}
      </DataTable>
      <FormError error={remove.error} />
      {rights.manage && <AttendanceRoster taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      {rights.attendOwn && !rights.manage && (
        <form
          className="stack no-print"
          aria-labelledby="own-attendance-heading"
          onSubmit={(event) => {
            event.preventDefault();
            own.mutate({ taskForceSlug, meetingId, status: formText(event.currentTarget, "status") as AttendanceStatus });
          }}
        >
          <h3 id="own-attendance-heading">{t("ownAttendanceHeading")}</h3>
          <FormError error={own.error} />
          {ownAttendance && <p>{t("ownAttendanceIs", { status: t(`attendance.${ownAttendance}`) })}</p>}
          <AttendanceStatusField errors={fieldErrorsOf(own.error)} defaultValue={ownAttendance} />
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

type MeetingData = NonNullable<ReturnType<typeof useMeeting>["query"]["data"]>;

/** One line of the roster: a person, or an organization as a whole, with what is recorded for it. */
interface RosterLine {
  key: string;
  userId: string | null;
  organizationId: string | null;
  name: string;
  organizationName: string | null;
  recorded: { id: string; status: AttendanceStatus } | null;
}

/**
 * Every member organization (as a whole) followed by its people, then the people of no member
 * organization: who is expected (roles that take part in meetings, and whoever is already
 * recorded), with what is recorded for each. People come without an
 * organization of the form's choosing, so the server takes their own (never a stale choice).
 */
function rosterOf({ people, organizations, attendance }: Pick<MeetingData, "people" | "organizations" | "attendance">): RosterLine[] {
  const recordedFor = (userId: string | null, organizationId: string | null) => {
    const row = attendance.find((one) => (userId ? one.userId === userId : one.userId === null && one.organizationId === organizationId));
    return row ? { id: row.id, status: row.status } : null;
  };
  const personLine = (person: MeetingData["people"][number]): RosterLine => ({
    key: `person:${person.userId}`,
    userId: person.userId,
    organizationId: null,
    name: person.name,
    organizationName: person.organizationName,
    recorded: recordedFor(person.userId, null),
  });
  const memberOrganizations = new Set(organizations.map((organization) => organization.id));
  // "Mark all present" must not count a funder or viewer who was never there.
  const expected = people.filter((person) => person.expectedAtMeetings || recordedFor(person.userId, null) !== null);
  return [
    ...organizations.flatMap((organization) => [
      { key: `organization:${organization.id}`, userId: null, organizationId: organization.id, name: "", organizationName: organization.name, recorded: recordedFor(null, organization.id) },
      ...expected.filter((person) => person.organizationId === organization.id).map(personLine),
    ]),
    ...expected.filter((person) => !person.organizationId || !memberOrganizations.has(person.organizationId)).map(personLine),
  ];
}

/**
 * Attendance as a roster: every expected person and organization with its status, "mark all
 * present", one save for all. A line set back to "not recorded" removes its record. The form is
 * remounted (its key) whenever the records change, so its choices are always what is recorded.
 */
function AttendanceRoster({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const record = useMutation(trpc.meeting.recordAttendance.mutationOptions());
  const remove = useMutation(trpc.meeting.removeAttendance.mutationOptions());
  const [saved, setSaved] = useState<number | null>(null);
  if (!query.data) return null;
  const lines = rosterOf(query.data);
  const statusLabel = (line: RosterLine) => t("rosterStatusFor", { name: line.name || t("wholeOrganization"), organization: line.organizationName ?? t("noOrganization") });

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = event.currentTarget;
    const changed = lines.filter((line) => formText(form, line.key) !== (line.recorded?.status ?? ""));
    const entries = changed.flatMap((line) => {
      const status = formText(form, line.key);
      return status ? [{ userId: line.userId, organizationId: line.organizationId, status: status as AttendanceStatus }] : [];
    });
    const removals = changed.flatMap((line) => (formText(form, line.key) === "" && line.recorded ? [line.recorded.id] : []));
    try {
      if (entries.length > 0) await record.mutateAsync({ taskForceSlug, meetingId, entries });
      for (const attendanceId of removals) await remove.mutateAsync({ taskForceSlug, meetingId, attendanceId });
    } catch {
      return; // shown by FormError; the roster keeps what was chosen
    }
    setSaved(changed.length);
    await refresh();
  }

  function markAllPresent(event: MouseEvent<HTMLButtonElement>) {
    event.currentTarget.form?.querySelectorAll<HTMLSelectElement>("select").forEach((select) => {
      select.value = "present";
    });
  }

  return (
    <form
      key={query.data.attendance.map((row) => `${row.id}:${row.status}`).join()}
      className="stack no-print"
      onSubmit={onSave}
      noValidate
      aria-labelledby="record-attendance-heading"
    >
      <h3 id="record-attendance-heading">{t("recordAttendanceHeading")}</h3>
      <p className="hint">{t("rosterHint")}</p>
      <FormError error={record.error ?? remove.error} />
      {saved !== null && <SuccessMessage>{t("rosterSaved", { count: saved })}</SuccessMessage>}
      <div>
        <button type="button" className="secondary" onClick={markAllPresent}>
          {t("markAllPresent")}
        </button>
      </div>
      <DataTable caption={t("rosterCaption")} columns={[t("personColumn"), t("organizationColumn"), t("attendanceStatusColumn")]} rows={lines} rowKey={(line) => line.key}>
        {(line) => (
          <>
            <th scope="row">{line.name || t("wholeOrganization")}</th>
            <td>{line.organizationName ?? "—"}</td>
            <td>
              <select name={line.key} aria-label={statusLabel(line)} defaultValue={line.recorded?.status ?? ""}>
                <option value="">{t("notRecorded")}</option>
                {ATTENDANCE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`attendance.${status}`)}
                  </option>
                ))}
              </select>
            </td>
          </>
        )}
      </DataTable>
      <div>
        <button type="submit" disabled={record.isPending || remove.isPending}>
          {t("saveAttendance")}
        </button>
      </div>
    </form>
  );
}

/** Present, absent or excused: for a person recorded by the chair, and for one's own attendance. */
function AttendanceStatusField({ errors, defaultValue }: { errors: FieldErrors; defaultValue?: AttendanceStatus | null }) {
  const t = useTranslations("meetings");
  const options = ATTENDANCE_STATUSES.map((status) => ({ value: status, label: t(`attendance.${status}`) }));
  return <SelectField label={t("attendanceStatusLabel")} name="status" options={options} defaultValue={defaultValue ?? "present"} errors={errors} />;
}
