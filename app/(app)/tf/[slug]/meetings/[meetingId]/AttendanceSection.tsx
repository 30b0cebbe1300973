"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { DataTable } from "@/app/_components/DataTable";
import { fieldErrorsOf, FormError, formText, orNull, SelectField } from "@/app/_components/forms";
import { OrganizationPicker, PersonPicker } from "@/app/_components/Pickers";
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
      entries: [{ userId: orNull(formText(form, "userId")), organizationId: orNull(formText(form, "organizationId")), status: formText(form, "status") as AttendanceStatus }],
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
      {rights.manage && (
        <form className="stack no-print" onSubmit={onRecord} noValidate aria-labelledby="record-attendance-heading">
          <h3 id="record-attendance-heading">{t("recordAttendanceHeading")}</h3>
          <p className="hint">{t("recordAttendanceHint")}</p>
          <FormError error={record.error} />
          <PersonPicker label={t("personLabel")} name="userId" people={people} noneLabel={t("wholeOrganization")} errors={errors} />
          <OrganizationPicker label={t("attendanceOrganizationLabel")} name="organizationId" organizations={organizations} noneLabel={t("personsOrganization")} errors={errors} />
          <AttendanceStatusField errors={errors} />
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

/** Present, absent or excused: for a person recorded by the chair, and for one's own attendance. */
function AttendanceStatusField({ errors, defaultValue }: { errors: FieldErrors; defaultValue?: AttendanceStatus | null }) {
  const t = useTranslations("meetings");
  const options = ATTENDANCE_STATUSES.map((status) => ({ value: status, label: t(`attendance.${status}`) }));
  return <SelectField label={t("attendanceStatusLabel")} name="status" options={options} defaultValue={defaultValue ?? "present"} errors={errors} />;
}
