"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { GAP_PRIORITIES } from "../filters";
import { DueCell } from "@/app/_components/DueCell";
import { OwnerFields } from "@/app/_components/OwnerFields";
import { GapActions } from "./GapActions";
import { GapProgress } from "./GapProgress";
import { GapTimeline } from "./GapTimeline";

export function useInvalidateGaps() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: trpc.gap.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.actionItem.pathKey() })]);
}

export function GapDetail({
  taskForceSlug,
  gapId,
  canSeePeople,
  canReassign,
}: {
  taskForceSlug: string;
  gapId: string;
  canSeePeople: boolean;
  canReassign: boolean;
}) {
  const t = useTranslations("gaps");
  const trpc = useTRPC();
  const detail = useQuery(trpc.gap.get.queryOptions({ taskForceSlug, gapId }));
  if (detail.error) return <FormError error={detail.error} />;
  if (!detail.data) return null;
  const { gap } = detail.data;
  return (
    <>
      <p>
        <Link href={`/tf/${taskForceSlug}/gaps`}>{t("backToList")}</Link>
      </p>
      <h1>{gap.title}</h1>
      <dl className="details">
        <dt>{t("elementLabel")}</dt>
        <dd>
          {gap.element ? `${gap.element.name} (${gap.element.areaName})` : gap.elementKey}
        </dd>
        <dt>{t("statusColumn")}</dt>
        <dd>
          {t(`status.${gap.status}`)}
          {gap.statusReason ? ` — ${gap.statusReason}` : ""}
        </dd>
        <dt>{t("priorityLabel")}</dt>
        <dd>{t(`priority.${gap.priority}`)}</dd>
        <dt>{t("stagesLabel")}</dt>
        <dd>{t("suggestionStages", { current: gap.currentStage ?? t("noStage"), target: gap.targetStage ?? t("noStage") })}</dd>
        <dt>{t("ownerColumn")}</dt>
        <dd>{[gap.ownerOrganizationName, gap.ownerUserName].filter(Boolean).join(" — ") || t("noOwner")}</dd>
        <dt>{t("dueColumn")}</dt>
        <dd>
          <DueCell dueOn={gap.dueOn} dueState={gap.dueState} />
        </dd>
        <dt>{t("descriptionLabel")}</dt>
        <dd className="evidence-text">{gap.description || t("noDescription")}</dd>
        <dt>{t("evidenceLabel")}</dt>
        <dd>
          {gap.evidenceLinks.length === 0 ? (
            t("noEvidence")
          ) : (
            <ul>
              {gap.evidenceLinks.map((link) => (
                <li key={link}>
                  <a href={link} rel="noopener noreferrer">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("lastChanged")}</dt>
        <dd>
          <DateTime value={gap.updatedAt} withTime /> {gap.updatedByName ? t("byName", { name: gap.updatedByName }) : ""}
        </dd>
      </dl>
      <GapProgress taskForceSlug={taskForceSlug} gapId={gapId} />
      {detail.data.canUpdate && <EditGapForm taskForceSlug={taskForceSlug} gap={gap} canReassign={canReassign} />}
      {detail.data.allowedStatuses.length > 0 && (
        <StatusForm taskForceSlug={taskForceSlug} gapId={gapId} version={gap.version} allowed={detail.data.allowedStatuses} />
      )}
      <GapActions taskForceSlug={taskForceSlug} gapId={gapId} actionItems={detail.data.actionItems} canCreate={detail.data.canUpdate && canSeePeople} />
      <GapTimeline taskForceSlug={taskForceSlug} gapId={gapId} timeline={detail.data.timeline} canComment={detail.data.canComment} canShare={detail.data.canUpdate} />
    </>
  );
}

type GapData = {
  id: string;
  version: number;
  title: string;
  description: string;
  priority: (typeof GAP_PRIORITIES)[number];
  ownerOrganizationId: string | null;
  ownerUserId: string | null;
  dueOn: string | null;
  evidenceLinks: string[];
};

/** Links typed one per line; blank lines are ignored. */
const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Sends the version the page shows. When someone else saved first the server refuses with who and
 * when; the details above reload to the latest, and what the person typed stays in the form (the
 * inputs are uncontrolled and the form is not re-mounted), so a second save applies it knowingly.
 */
function EditGapForm({ taskForceSlug, gap, canReassign }: { taskForceSlug: string; gap: GapData; canReassign: boolean }) {
  const t = useTranslations("gaps");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const invalidate = useInvalidateGaps();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.gap.update.mutationOptions({
      onSettled: () => invalidate(),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = event.currentTarget;
    update.mutate(
      {
        taskForceSlug,
        gapId: gap.id,
        version: gap.version,
        title: formText(form, "title"),
        description: formText(form, "description"),
        priority: formText(form, "priority") as GapData["priority"],
        ...(canReassign
          ? { ownerOrganizationId: orNull(formText(form, "ownerOrganizationId")), ownerUserId: orNull(formText(form, "ownerUserId")) }
          : {}),
        dueOn: orNull(formText(form, "dueOn")),
        evidenceLinks: linesOf(formText(form, "evidenceLinks")),
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  const fieldErrors = fieldErrorsOf(update.error);
  // A refused link is reported per line ("evidenceLinks.2"); show them all at the one text box.
  const errors = {
    ...fieldErrors,
    evidenceLinks: Object.entries(fieldErrors)
      .filter(([field]) => field.startsWith("evidenceLinks"))
      .flatMap(([, messages]) => messages),
  };
  const conflict = update.error?.data?.code === "CONFLICT";
  return (
    <section aria-labelledby="edit-gap-heading">
      <h2 id="edit-gap-heading">{t("editHeading")}</h2>
      {saved && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="edit-gap-heading">
        <FormError error={update.error} />
        {conflict && <p className="hint">{t("conflictHint")}</p>}
        <Field label={t("titleLabel")} name="title" errors={errors} defaultValue={gap.title} required />
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("descriptionLabel")} name="description" errors={errors}>
          {(control) => <textarea {...control} rows={4} defaultValue={gap.description} />}
        </Field>
        <Field label={t("priorityLabel")} name="priority" errors={errors}>
          {(control) => (
            <select {...control} defaultValue={gap.priority}>
              {GAP_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {canReassign && (
          <OwnerFields
            taskForceSlug={taskForceSlug}
            errors={errors}
            organizationName="ownerOrganizationId"
            personName="ownerUserId"
            organizationLabel={t("ownerOrganizationLabel")}
            personLabel={t("ownerPersonLabel")}
            defaultOrganizationId={gap.ownerOrganizationId}
            defaultUserId={gap.ownerUserId}
          />
        )}
        <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} defaultValue={gap.dueOn ?? ""} />
        <Field label={t("evidenceLabel")} name="evidenceLinks" hint={t("evidenceHint")} errors={errors}>
          {(control) => <textarea {...control} rows={3} defaultValue={gap.evidenceLinks.join("\n")} />}
        </Field>
        <div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? t("saving") : t("save")}
          </button>
        </div>
      </form>
    </section>
  );
}

function StatusForm({ taskForceSlug, gapId, version, allowed }: { taskForceSlug: string; gapId: string; version: number; allowed: readonly string[] }) {
  const t = useTranslations("gaps");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const invalidate = useInvalidateGaps();
  const [formKey, setFormKey] = useState(0);
  const change = useMutation(trpc.gap.changeStatus.mutationOptions({ onSettled: () => invalidate() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    change.mutate(
      { taskForceSlug, gapId, version, status: formText(form, "status") as "open", note: formText(form, "note") },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  }
  const errors = fieldErrorsOf(change.error);
  return (
    <section aria-labelledby="gap-status-heading">
      <h2 id="gap-status-heading">{t("statusHeading")}</h2>
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="gap-status-heading">
        <FormError error={change.error} />
        <Field label={t("newStatusLabel")} name="status" errors={errors}>
          {(control) => (
            <select {...control}>
              {allowed.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status as "open"}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("statusNoteLabel")} name="note" errors={errors} hint={t("statusNoteHint")}>
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <div>
          <button type="submit" disabled={change.isPending}>
            {t("changeStatus")}
          </button>
        </div>
      </form>
    </section>
  );
}
