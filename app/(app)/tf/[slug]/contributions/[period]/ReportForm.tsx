"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type CSSProperties, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage, useErrorMessage, useReadableValues } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";
import { HOUR_MEASURES, SERVICE_TYPES, TRAINING_SECTORS } from "@/server/domains/contributions/contributions.measures";
import type { RouterOutputs } from "../types";
import { LOCAL_COPY_DAYS } from "./localCopy";
import { fieldNameOf, figuresOf, nextRowKey, withField, type ReportFigures } from "./reportFigures";
import { useReportAutosave, type AutosaveStatus } from "./useReportAutosave";

type Report = RouterOutputs["contribution"]["report"];
type Content = Report["content"];

const GRID: CSSProperties = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(15rem, 1fr))", gap: "0.75rem 1rem", alignItems: "end" };

/** The granularity a browser offers a figure in: whole numbers for counts, cents for hours and dollars. */
const stepOf = (kind: "count" | "amount") => (kind === "count" ? 1 : 0.01);

function NumberField({
  label,
  name,
  kind,
  figures,
  onChange,
  errors,
}: {
  label: string;
  name: string;
  kind: "count" | "amount";
  figures: ReportFigures;
  onChange: (name: string, text: string) => void;
  errors: FieldErrors;
}) {
  return (
    <Field label={label} name={name} errors={errors}>
      {(control) => (
        <input {...control} type="number" inputMode="decimal" min={0} step={stepOf(kind)} value={figures.fields[name] ?? ""} onChange={(event) => onChange(name, event.target.value)} />
      )}
    </Field>
  );
}

interface Props {
  taskForceSlug: string;
  taskForceId: string;
  /** The person at the keyboard: what the device keeps is theirs alone. */
  userId: string;
  period: string;
  organizationId?: string;
}

/** The contributions form of one organization for one period: draft (saved as it is typed), submit, and (coordinators) return. */
export function ReportForm({ taskForceSlug, taskForceId, userId, period, organizationId }: Props) {
  const trpc = useTRPC();
  const input = { taskForceSlug, period, ...(organizationId ? { organizationId } : {}) };
  const report = useQuery(trpc.contribution.report.queryOptions(input));
  if (report.error) return <FormError error={report.error} />;
  if (!report.data) return null;
  // The form keeps its own figures from here on (saves and fresh reads of the report do not reset them).
  return <ReportFormBody key={report.data.organization.id} taskForceSlug={taskForceSlug} taskForceId={taskForceId} userId={userId} data={report.data} />;
}

type Outcome = "saved" | "submitted" | "submittedLate" | "returned";

function ReportFormBody({ taskForceSlug, taskForceId, userId, data }: { taskForceSlug: string; taskForceId: string; userId: string; data: Report }) {
  const t = useTranslations("contributions");
  const tDisciplines = useTranslations("disciplines");
  const tPrivacy = useTranslations("privacy");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const { report, organization, period } = data;
  const draft = useReportAutosave({ taskForceSlug, owner: { userId, taskForceId, organizationId: organization.id, period: period.key }, data });
  const { figures, errors } = draft;
  const [done, setDone] = useState<Outcome | null>(null);
  // The earlier period whose figures the person chose to start from.
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeId = useId();
  const refresh = async () => {
    await draft.refresh();
    router.refresh();
  };
  const giveBack = useMutation(
    trpc.contribution.returnForCorrection.mutationOptions({
      onSuccess: (result) => {
        draft.returned(result.version);
        setDone("returned");
        return refresh();
      },
    }),
  );

  function change(next: ReportFigures) {
    setDone(null);
    draft.change(next);
  }
  const onNumber = (name: string, text: string) => change(withField(figures, name, text));
  const onInKind = (key: number, field: "description" | "value", text: string) =>
    change({ ...figures, inKind: figures.inKind.map((row) => (row.key === key ? { ...row, [field]: text } : row)) });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    setDone(null);
    setBusy(true);
    try {
      if (submitter?.value === "submit") {
        const result = await draft.submit();
        if (!result) return;
        setDone(result.late ? "submittedLate" : "submitted");
        await refresh();
      } else if (await draft.save(true)) {
        setDone("saved");
        await refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  function onReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!report) return;
    giveBack.mutate({ taskForceSlug, reportId: report.id, version: report.version, reason: formText(event.currentTarget, "reason") });
  }

  const simple = (key: keyof Content["values"]) => (
    <NumberField label={t(`measures.${key}`)} name={fieldNameOf(key, "")} kind={HOUR_MEASURES.has(key) ? "amount" : "count"} figures={figures} onChange={onNumber} errors={errors} />
  );
  const disabled = !data.canEdit;
  const previous = data.previous;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t("formHeading", { organization: organization.name })}</h2>
      {done === "saved" && <SuccessMessage>{t("saved")}</SuccessMessage>}
      {done === "submitted" && <SuccessMessage>{t("submittedOk")}</SuccessMessage>}
      {done === "submittedLate" && <SuccessMessage>{t("submittedLateOk")}</SuccessMessage>}
      {done === "returned" && <SuccessMessage>{t("returnedOk")}</SuccessMessage>}
      <p className="progress-count">{t("statusLine", { status: t(`status.${report?.status ?? "missing"}`) })}</p>
      {report?.submittedAt && (
        <p>
          {t.rich("submittedLine", { at: () => <DateTime value={report.submittedAt!} withTime />, name: report.submittedByName ?? "" })}
          {report.late && ` ${t("lateFlag")}`}
        </p>
      )}
      {report?.status === "returned" && <p className="alert error">{t("returnedLine", { reason: report.returnedReason ?? "" })}</p>}
      {!data.canEdit && <p>{t("lockedHint")}</p>}
      {data.canEdit && !period.ended && <p>{t("notEndedHint", { end: format.dateTime(new Date(`${period.end}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}</p>}
      {previous && data.canEdit && !startedFrom && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setStartedFrom(previous.period);
              change(figuresOf(previous.content));
            }}
          >
            {t("startFromPrevious", { period: previous.period })}
          </button>{" "}
          <span className="hint">{t("startFromPreviousHint")}</span>
        </p>
      )}
      {startedFrom && (
        <p className="alert" role="status">
          {t("startedFromPrevious", { period: startedFrom })}
        </p>
      )}
      {draft.notice?.kind === "restored" && (
        <div className="alert info save-line" role="status">
          <p id={noticeId} className="save-status">
            {t("autosave.restored", { at: format.dateTime(draft.notice.at, { dateStyle: "medium", timeStyle: "short" }) })}
          </p>
          <button type="button" className="secondary" onClick={draft.loadSaved} aria-describedby={noticeId}>
            {t("autosave.discard")}
          </button>
        </div>
      )}
      {draft.notice?.kind === "combined" && (
        <p className="alert info" role="status">
          {t("autosave.combined")}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="report-heading">
        <FormError error={draft.submitError} />
        <p className="hint">{t("blankHint")}</p>
        {data.canEdit && <p className="hint">{t("autosave.deviceNote", { days: LOCAL_COPY_DAYS })}</p>}
        <fieldset disabled={disabled}>
          <legend>{t("staffHeading")}</legend>
          <div style={GRID}>{simple("staffHours")}</div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("trainingHeading")}</legend>
          <div style={GRID}>{simple("trainingsDelivered")}</div>
          <fieldset>
            <legend>{t("trainedBySector")}</legend>
            <div style={GRID}>
              {TRAINING_SECTORS.map((sector) => (
                <NumberField key={sector} label={tDisciplines(sector)} name={fieldNameOf("peopleTrained", sector)} kind="count" figures={figures} onChange={onNumber} errors={errors} />
              ))}
            </div>
          </fieldset>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("outreachHeading")}</legend>
          <div style={GRID}>
            {simple("outreachEvents")}
            {simple("peopleReached")}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("referralsHeading")}</legend>
          <div style={GRID}>
            {simple("referralsMade")}
            {simple("referralsReceived")}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("consultantsHeading")}</legend>
          <div style={GRID}>
            {simple("consultantEngagements")}
            {simple("consultantPaidHours")}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("identifiedHeading")}</legend>
          <p className="hint">{t("identifiedHint")}</p>
          <div style={GRID}>
            {simple("potentialVictimsIdentified")}
            {simple("confirmedVictimsIdentified")}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("servicesHeading")}</legend>
          <div style={GRID}>
            {SERVICE_TYPES.map((type) => (
              <NumberField key={type} label={t(`serviceTypes.${type}`)} name={fieldNameOf("services", type)} kind="count" figures={figures} onChange={onNumber} errors={errors} />
            ))}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("inKindHeading")}</legend>
          <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
          {figures.inKind.length === 0 && <p>{t("noInKind")}</p>}
          {figures.inKind.map((row, index) => (
            <fieldset key={row.key}>
              <legend>{t("inKindItem", { number: index + 1 })}</legend>
              <div style={GRID}>
                <Field label={t("inKindDescription")} name={`inKind.${index}.description`} errors={errors}>
                  {(control) => <input {...control} type="text" value={row.description} onChange={(event) => onInKind(row.key, "description", event.target.value)} />}
                </Field>
                <Field label={t("inKindValueLabel")} name={`inKind.${index}.value`} errors={errors}>
                  {(control) => (
                    <input {...control} type="number" inputMode="decimal" min={0} step={stepOf("amount")} value={row.value} onChange={(event) => onInKind(row.key, "value", event.target.value)} />
                  )}
                </Field>
              </div>
              <button type="button" className="secondary" onClick={() => change({ ...figures, inKind: figures.inKind.filter((other) => other.key !== row.key) })}>
                {t("removeInKind", { number: index + 1 })}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" className="secondary" onClick={() => change({ ...figures, inKind: [...figures.inKind, { key: nextRowKey(figures), description: "", value: "" }] })}>
              {t("addInKind")}
            </button>
          </p>
        </fieldset>
        {/* Also after someone else submitted the report meanwhile: the person is told, and may go back to the saved figures. */}
        {(data.canEdit || draft.status.kind === "conflict") && (
          <div className="save-line">
            <p className="save-status" role="status" aria-live="polite">
              <AutosaveText status={draft.status} />
            </p>
            {draft.status.kind === "failed" && (
              <button type="button" className="secondary" onClick={() => void draft.save()}>
                {t("autosave.retry")}
              </button>
            )}
            {draft.status.kind === "conflict" && (
              <>
                {data.canEdit && (
                  <button type="button" className="secondary" onClick={draft.combine}>
                    {t("autosave.combine")}
                  </button>
                )}
                <button type="button" className="secondary" onClick={draft.loadSaved}>
                  {t("autosave.discardMine")}
                </button>
              </>
            )}
          </div>
        )}
        {data.canEdit && (
          <p className="inline-actions">
            <button type="submit" name="intent" value="draft" className="secondary" disabled={busy}>
              {t("saveDraft")}
            </button>
            {data.canSubmit && (
              <button type="submit" name="intent" value="submit" disabled={busy}>
                {t("submit")}
              </button>
            )}
          </p>
        )}
      </form>
      {data.canReturn && (
        <form className="stack" onSubmit={onReturn} noValidate aria-labelledby="return-heading">
          <h3 id="return-heading">{t("returnHeading")}</h3>
          <FormError error={giveBack.error} />
          <Field label={t("returnReason")} name="reason" errors={fieldErrorsOf(giveBack.error)} required>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
          <div>
            <button type="submit" className="danger" disabled={giveBack.isPending}>
              {t("returnButton")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The autosave's state in words: saving, saved at a time of day (the task force's), or why not and what to do. */
function AutosaveText({ status }: { status: AutosaveStatus }) {
  const t = useTranslations("contributions.autosave");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const readable = useReadableValues();
  switch (status.kind) {
    case "saving":
      return t("saving");
    case "saved":
      return t("savedAt", { time: format.dateTime(status.at, { timeStyle: "short" }) });
    case "invalid":
      return t("notSaved", { reason: t("invalid", { count: status.count }) });
    case "failed":
      return t("notSaved", { reason: status.error ? errorMessage(status.error) : t("offline") });
    case "conflict": {
      const { messageKey, values } = status.error.data ?? {};
      const reason = messageKey === "contributionReportChanged" ? t("changedElsewhere", { at: String(readable(values).at ?? "") }) : errorMessage(status.error);
      return t("notSaved", { reason });
    }
    default:
      return null;
  }
}
