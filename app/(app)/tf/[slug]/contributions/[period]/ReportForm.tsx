"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type CSSProperties, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { FieldErrors } from "@/server/trpc/fieldErrors";
import { SERVICE_TYPES, TRAINING_SECTORS } from "@/server/domains/contributions/contributions.measures";
import type { RouterOutputs } from "../types";

type Report = RouterOutputs["contribution"]["report"];
type Content = Report["content"];

const GRID: CSSProperties = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(15rem, 1fr))", gap: "0.75rem 1rem", alignItems: "end" };

/** A number as typed: blank is "not reported"; anything else goes to the server as typed (it explains what is wrong). */
function numberFrom(form: HTMLFormElement, name: string): number | undefined {
  const text = formText(form, name).trim();
  return text === "" ? undefined : Number(text.replace(",", "."));
}

function NumberField({ label, name, value, errors }: { label: string; name: string; value: number | undefined; errors: FieldErrors }) {
  return (
    <Field label={label} name={name} errors={errors}>
      {(control) => <input {...control} type="number" inputMode="decimal" min={0} step="any" defaultValue={value ?? ""} />}
    </Field>
  );
}

/** The contributions form of one organization for one period: draft, submit, and (coordinators) return. */
export function ReportForm({ taskForceSlug, period, organizationId }: { taskForceSlug: string; period: string; organizationId?: string }) {
  const trpc = useTRPC();
  const input = { taskForceSlug, period, ...(organizationId ? { organizationId } : {}) };
  const report = useQuery(trpc.contribution.report.queryOptions(input));
  // Kept here, not in the body: the body starts afresh after every save, and the message must stay.
  const [done, setDone] = useState<Outcome | null>(null);
  // The earlier period whose figures the person chose to start from (only while nothing is saved yet).
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  if (report.error) return <FormError error={report.error} />;
  if (!report.data) return null;
  const previous = report.data.previous;
  const seeded = previous && previous.period === startedFrom ? previous : null;
  // A new key after every save (or a fresh start from the earlier figures) re-reads the numbers into the uncontrolled inputs.
  return (
    <ReportFormBody
      key={`${report.data.organization.id}:${report.data.report?.version ?? 0}:${seeded?.period ?? ""}`}
      taskForceSlug={taskForceSlug}
      data={seeded ? { ...report.data, content: seeded.content } : report.data}
      done={done}
      setDone={setDone}
      startFromPrevious={previous && !seeded && report.data.canEdit ? () => setStartedFrom(previous.period) : null}
      seededFrom={seeded?.period ?? null}
    />
  );
}

type Outcome = "saved" | "submitted" | "submittedLate" | "returned";

function ReportFormBody({
  taskForceSlug,
  data,
  done,
  setDone,
  startFromPrevious,
  seededFrom,
}: {
  taskForceSlug: string;
  data: Report;
  done: Outcome | null;
  setDone: (outcome: Outcome | null) => void;
  /** Fills the form with the figures of the period before; null when there are none to offer. */
  startFromPrevious: (() => void) | null;
  /** The period whose figures fill the form, not saved yet. */
  seededFrom: string | null;
}) {
  const t = useTranslations("contributions");
  const tDisciplines = useTranslations("disciplines");
  const tPrivacy = useTranslations("privacy");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [inKindRows, setInKindRows] = useState(() => data.content.inKind.map((_, index) => index));
  const [nextRow, setNextRow] = useState(data.content.inKind.length);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.contribution.report.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contribution.period.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.contribution.overview.pathKey() }),
    ]);
    router.refresh();
  };
  const save = useMutation(trpc.contribution.saveDraft.mutationOptions({ onSuccess: () => { setDone("saved"); return refresh(); } }));
  const submit = useMutation(
    trpc.contribution.submit.mutationOptions({ onSuccess: (result) => { setDone(result.late ? "submittedLate" : "submitted"); return refresh(); } }),
  );
  const giveBack = useMutation(trpc.contribution.returnForCorrection.mutationOptions({ onSuccess: () => { setDone("returned"); return refresh(); } }));
  const error = save.error ?? submit.error;
  const errors = fieldErrorsOf(error);
  const { content, report, organization, period } = data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const values = Object.fromEntries(
      (["staffHours", "trainingsDelivered", "outreachEvents", "peopleReached", "referralsMade", "referralsReceived", "consultantEngagements", "consultantPaidHours", "potentialVictimsIdentified", "confirmedVictimsIdentified"] as const)
        .map((key) => [key, numberFrom(form, `values.${key}`)])
        .filter(([, value]) => value !== undefined),
    );
    const byKey = (prefix: string, keys: readonly string[]) =>
      Object.fromEntries(keys.map((key) => [key, numberFrom(form, `${prefix}.${key}`)]).filter(([, value]) => value !== undefined));
    const payload = {
      taskForceSlug,
      period: period.key,
      organizationId: organization.id,
      version: report?.version ?? null,
      values,
      peopleTrained: byKey("peopleTrained", TRAINING_SECTORS),
      services: byKey("services", SERVICE_TYPES),
      inKind: inKindRows
        .map((row, index) => ({ description: formText(form, `inKind.${index}.description`), value: numberFrom(form, `inKind.${index}.value`) ?? Number.NaN, row }))
        .filter((item) => item.description.trim() !== "" || !Number.isNaN(item.value))
        .map(({ description, value }) => ({ description, value })),
    };
    setDone(null);
    save.reset();
    submit.reset();
    if (submitter?.value === "submit") submit.mutate(payload);
    else save.mutate(payload);
  }

  function onReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!report) return;
    giveBack.mutate({ taskForceSlug, reportId: report.id, version: report.version, reason: formText(event.currentTarget, "reason") });
  }

  const simple = (key: keyof Content["values"]) => <NumberField label={t(`measures.${key}`)} name={`values.${key}`} value={content.values[key]} errors={errors} />;
  const disabled = !data.canEdit;
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
      {startFromPrevious && data.previous && (
        <p>
          <button type="button" className="secondary" onClick={startFromPrevious}>
            {t("startFromPrevious", { period: data.previous.period })}
          </button>{" "}
          <span className="hint">{t("startFromPreviousHint")}</span>
        </p>
      )}
      {seededFrom && (
        <p className="alert" role="status">
          {t("startedFromPrevious", { period: seededFrom })}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="report-heading">
        <FormError error={error} />
        <p className="hint">{t("blankHint")}</p>
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
                <NumberField key={sector} label={tDisciplines(sector)} name={`peopleTrained.${sector}`} value={content.peopleTrained[sector]} errors={errors} />
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
              <NumberField key={type} label={t(`serviceTypes.${type}`)} name={`services.${type}`} value={content.services[type]} errors={errors} />
            ))}
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>{t("inKindHeading")}</legend>
          <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
          {inKindRows.length === 0 && <p>{t("noInKind")}</p>}
          {inKindRows.map((row, index) => (
            <fieldset key={row}>
              <legend>{t("inKindItem", { number: index + 1 })}</legend>
              <div style={GRID}>
                <Field label={t("inKindDescription")} name={`inKind.${index}.description`} defaultValue={content.inKind[row]?.description ?? ""} errors={errors} />
                <NumberField label={t("inKindValueLabel")} name={`inKind.${index}.value`} value={content.inKind[row]?.value} errors={errors} />
              </div>
              <button type="button" className="secondary" onClick={() => setInKindRows(inKindRows.filter((other) => other !== row))}>
                {t("removeInKind", { number: index + 1 })}
              </button>
            </fieldset>
          ))}
          <p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setInKindRows([...inKindRows, nextRow]);
                setNextRow(nextRow + 1);
              }}
            >
              {t("addInKind")}
            </button>
          </p>
        </fieldset>
        {data.canEdit && (
          <p className="inline-actions">
            <button type="submit" name="intent" value="draft" className="secondary" disabled={save.isPending || submit.isPending}>
              {t("saveDraft")}
            </button>
            {data.canSubmit && (
              <button type="submit" name="intent" value="submit" disabled={save.isPending || submit.isPending}>
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
