"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useArrival } from "@/app/_components/useArrival";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { MEETING_STATUSES, MEETING_TYPES } from "@/db/vocabulary/meetings";
import { ActionsSection } from "./ActionsSection";
import { AgendaSection } from "./AgendaSection";
import { AttendanceSection } from "./AttendanceSection";
import { CommentsSection } from "./CommentsSection";
import { DecisionsSection } from "./DecisionsSection";

export function useMeeting(taskForceSlug: string, meetingId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.meeting.get.queryOptions({ taskForceSlug, meetingId }));
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: trpc.meeting.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.actionItem.pathKey() })]);
  return { query, refresh, trpc };
}

/** One meeting: its facts, agenda with minutes, attendance, decisions, actions and the approval of the minutes. */
export function MeetingDetail({ taskForceSlug, meetingId }: { taskForceSlug: string; meetingId: string }) {
  const t = useTranslations("meetings");
  const { query } = useMeeting(taskForceSlug, meetingId);
  // Arriving from the schedule form, with the number of items it carried forward.
  const arrival = useArrival();
  const carried = arrival?.get("carried") ?? null;
  if (query.error) return <FormError error={query.error} />;
  if (!query.data) return null;
  const { meeting, rights } = query.data;
  return (
    <>
      <h1>{meeting.title}</h1>
      {arrival && (
        <SuccessMessage>
          {t("created", { title: meeting.title })} {carried !== null && t("carriedCount", { count: Number(carried) })}
        </SuccessMessage>
      )}
      <ul className="meeting-facts">
        <li>
          <DateTime value={meeting.startsAt} withTime /> – <DateTime value={meeting.endsAt} withTime /> ({meeting.timeZone})
        </li>
        <li>{meeting.committeeName ?? t("fullTaskForce")}</li>
        {/* The body already says "Full task force"; other types add something. */}
        {meeting.type !== "full_task_force" && <li>{t(`type.${meeting.type}`)}</li>}
        <li>{t("statusFact", { status: t(`status.${meeting.status}`) })}</li>
        <li>{t(`minutesStatus.${meeting.minutesStatus}`)}</li>
        {meeting.location && <li>{meeting.location}</li>}
        {meeting.videoUrl && (
          <li>
            <a href={meeting.videoUrl}>{t("videoLink")}</a>
          </li>
        )}
      </ul>
      {meeting.minutesStatus === "approved" && meeting.minutesApprovedAt && (
        <p>
          {t("approvedBy", { name: meeting.minutesApprovedByName ?? "" })} <DateTime value={meeting.minutesApprovedAt} />
          {meeting.minutesSharedWithFunders && ` · ${t("sharedWithFunders")}`}
        </p>
      )}
      <div className="inline-actions no-print">
        <a href={`/tf/${taskForceSlug}/meetings/${meetingId}/ics`} download>
          {t("downloadIcs")}
        </a>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("print")}
        </button>
      </div>
      {rights.manage && <EditMeetingForm taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      <AgendaSection taskForceSlug={taskForceSlug} meetingId={meetingId} />
      {rights.seeAttendance && <AttendanceSection taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      {rights.seeMinutes && <DecisionsSection taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      {rights.seeActions && <ActionsSection taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      {(rights.approve || rights.share) && <ApprovalSection taskForceSlug={taskForceSlug} meetingId={meetingId} />}
      {rights.seeMinutes && rights.seeAttendance && <CommentsSection taskForceSlug={taskForceSlug} meetingId={meetingId} />}
    </>
  );
}

function EditMeetingForm({ taskForceSlug, meetingId }: { taskForceSlug: string; meetingId: string }) {
  const t = useTranslations("meetings");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.meeting.update.mutationOptions({ onSuccess: refresh }));
  const carry = useMutation(trpc.meeting.carryForward.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { meeting } = query.data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = event.currentTarget;
    const videoUrl = formText(form, "videoUrl");
    update.mutate(
      {
        taskForceSlug,
        meetingId,
        version: meeting.version,
        title: formText(form, "title"),
        type: formText(form, "type") as (typeof MEETING_TYPES)[number],
        status: formText(form, "status") as (typeof MEETING_STATUSES)[number],
        startsAt: formText(form, "startsAt"),
        endsAt: formText(form, "endsAt"),
        timeZone: formText(form, "timeZone"),
        location: formText(form, "location"),
        videoUrl: videoUrl === "" ? null : videoUrl,
      },
      { onSuccess: () => setSaved(true) },
    );
  }
  const errors = fieldErrorsOf(update.error);
  return (
    <details className="meeting-section no-print">
      <summary>{t("editHeading")}</summary>
      {saved && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("editHeading")}>
        <FormError error={update.error} />
        <Field label={t("titleLabel")} name="title" errors={errors} defaultValue={meeting.title} required />
        <Field label={t("typeLabel")} name="type" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={meeting.type}>
              {MEETING_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("statusLabel")} name="status" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={meeting.status}>
              {MEETING_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("startsLabel")} name="startsAt" type="datetime-local" errors={errors} defaultValue={meeting.localStartsAt} required />
        <Field label={t("endsLabel")} name="endsAt" type="datetime-local" errors={errors} defaultValue={meeting.localEndsAt} required />
        <Field label={t("timeZoneLabel")} name="timeZone" errors={errors} defaultValue={meeting.timeZone} hint={t("timeZoneHint")} required />
        <Field label={t("locationLabel")} name="location" errors={errors} defaultValue={meeting.location} />
        <Field label={t("videoLabel")} name="videoUrl" type="url" errors={errors} defaultValue={meeting.videoUrl ?? ""} />
        <div className="inline-actions">
          <button type="submit" disabled={update.isPending}>
            {t("save")}
          </button>
          <button type="button" className="secondary" disabled={carry.isPending} onClick={() => carry.mutate({ taskForceSlug, meetingId })}>
            {t("carryForward")}
          </button>
        </div>
        <FormError error={carry.error} />
        {carry.data && <SuccessMessage>{t("carriedCount", { count: carry.data.actions + carry.data.undecided })}</SuccessMessage>}
      </form>
    </details>
  );
}

function ApprovalSection({ taskForceSlug, meetingId }: { taskForceSlug: string; meetingId: string }) {
  const t = useTranslations("minutes");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const approve = useMutation(trpc.meeting.approveMinutes.mutationOptions({ onSuccess: refresh }));
  const share = useMutation(trpc.meeting.shareMinutes.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { meeting, rights } = query.data;

  function onApprove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    approve.mutate({ taskForceSlug, meetingId, sharedWithFunders: new FormData(event.currentTarget).get("sharedWithFunders") === "on" });
  }
  return (
    <section className="meeting-section no-print" aria-labelledby="approval-heading">
      <h2 id="approval-heading">{rights.approve ? t("approvalHeading") : t("sharingHeading")}</h2>
      {rights.approve && (
        <form className="stack" onSubmit={onApprove} aria-labelledby="approval-heading">
          <FormError error={approve.error} />
          <p>{t("approveExplained")}</p>
          <div className="field checkbox">
            <label>
              <input type="checkbox" name="sharedWithFunders" />
              {t("shareLabel")}
            </label>
          </div>
          <div>
            <button type="submit" disabled={approve.isPending}>
              {t("approve")}
            </button>
          </div>
        </form>
      )}
      {rights.share && (
        <>
          <FormError error={share.error} />
          <button type="button" className="secondary" disabled={share.isPending} onClick={() => share.mutate({ taskForceSlug, meetingId, sharedWithFunders: !meeting.minutesSharedWithFunders })}>
            {meeting.minutesSharedWithFunders ? t("unshare") : t("share")}
          </button>
        </>
      )}
    </section>
  );
}
