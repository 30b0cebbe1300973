"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage, useFieldMessage, type ErrorLike } from "@/app/_components/forms";
import { PersonPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import { MOU_STATUSES } from "@/db/vocabulary/members";
import { DocumentLink, DocumentUpload } from "../DocumentUpload";
import { MouTimeline } from "./MouTimeline";

type MouStatus = (typeof MOU_STATUSES)[number];

export interface MouView {
  id: string;
  title: string;
  status: MouStatus;
  signedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  notes: string;
  sharedWithFunders: boolean;
  ownerUserId: string | null;
  ownerName: string | null;
  documentId: string | null;
  expiryState: "expired" | "expiringSoon" | "current" | "none";
  parties: { organizationId: string; name: string }[];
  signatories: { userId: string; name: string; signingTitle: string }[];
}

export function Mous({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("mous");
  const trpc = useTRPC();
  const list = useQuery(trpc.mou.list.queryOptions({ taskForceSlug }));
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  const { mous, canManage, today } = list.data;
  return (
    <>
      {mous.length === 0 ? <p>{t("none")}</p> : <MouTimeline mous={mous} today={today} />}
      {mous.map((mou) => (
        <MouCard key={mou.id} taskForceSlug={taskForceSlug} mou={mou} canManage={canManage} />
      ))}
      {canManage && (
        <section aria-labelledby="new-mou-heading">
          <h2 id="new-mou-heading">{t("newTitle")}</h2>
          <MouForm taskForceSlug={taskForceSlug} />
        </section>
      )}
    </>
  );
}

function MouCard({ taskForceSlug, mou, canManage }: { taskForceSlug: string; mou: MouView; canManage: boolean }) {
  const t = useTranslations("mous");
  const tDocuments = useTranslations("documents");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.mou.pathKey() });
  return (
    <article className="card" id={`mou-${mou.id}`} aria-labelledby={`mou-${mou.id}-title`}>
      <h2 id={`mou-${mou.id}-title`}>{mou.title}</h2>
      <p>
        <strong>{t(`status.${mou.status}`)}</strong>
        {(mou.expiryState === "expired" || mou.expiryState === "expiringSoon") && (
          <>
            {" "}
            <strong className={mou.expiryState === "expired" ? "badge" : "badge soon"}>{t(`expiry.${mou.expiryState}`)}</strong>
          </>
        )}
        {mou.sharedWithFunders && <> · {t("sharedWithFunders")}</>}
      </p>
      <dl className="details">
        <dt>{t("parties")}</dt>
        <dd>{mou.parties.map((party) => party.name).join(", ")}</dd>
        <dt>{t("signatories")}</dt>
        <dd>
          {mou.signatories.length
            ? mou.signatories.map((one) => (one.signingTitle ? t("signatoryWithTitle", { name: one.name, title: one.signingTitle }) : one.name)).join("; ")
            : t("noValue")}
        </dd>
        <dt>{t("signedOn")}</dt>
        <dd>{mou.signedOn ? <CalendarDate value={mou.signedOn} /> : t("noValue")}</dd>
        <dt>{t("effectiveOn")}</dt>
        <dd>{mou.effectiveOn ? <CalendarDate value={mou.effectiveOn} /> : t("noValue")}</dd>
        <dt>{t("expiresOn")}</dt>
        <dd>{mou.expiresOn ? <CalendarDate value={mou.expiresOn} /> : t("noValue")}</dd>
        <dt>{t("owner")}</dt>
        <dd>{mou.ownerName ?? t("noValue")}</dd>
        <dt>{t("document")}</dt>
        <dd>{mou.documentId ? <DocumentLink taskForceSlug={taskForceSlug} documentId={mou.documentId} label={tDocuments("download", { title: mou.title })} /> : t("noDocument")}</dd>
        {mou.notes && (
          <>
            <dt>{t("notes")}</dt>
            <dd>{mou.notes}</dd>
          </>
        )}
      </dl>
      {canManage && (
        <>
          <h3>{tDocuments("attachTitle")}</h3>
          <DocumentUpload taskForceSlug={taskForceSlug} target="mou" recordId={mou.id} recordTitle={mou.title} onUploaded={refresh} />
          {editing ? (
            <MouForm taskForceSlug={taskForceSlug} mou={mou} onDone={() => setEditing(false)} />
          ) : (
            <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={t("editNamed", { title: mou.title })}>
              {t("edit")}
            </button>
          )}
        </>
      )}
    </article>
  );
}

function MouForm({ taskForceSlug, mou, onDone }: { taskForceSlug: string; mou?: MouView; onDone?: () => void }) {
  const t = useTranslations("mous");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organizations = useQuery(trpc.organization.list.queryOptions({ taskForceSlug }));
  // Anyone in the task force may sign; only those who may be given work may own the renewal (the service's rule).
  const people = useQuery(trpc.people.list.queryOptions({ taskForceSlug }));
  const assignable = useQuery(trpc.people.assignable.queryOptions({ taskForceSlug }));
  const [saved, setSaved] = useState<string | null>(null);
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.mou.pathKey() });
    onDone?.();
  };
  const create = useMutation(trpc.mou.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.mou.update.mutationOptions({ onSuccess }));
  const error: ErrorLike | null = create.error ?? update.error;
  const errors = fieldErrorsOf(error);
  const prefix = mou ? `mou-${mou.id}` : "mou-new";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const date = (name: string) => formText(form, name) || null;
    const values = {
      taskForceSlug,
      title: formText(form, "title"),
      status: formText(form, "status") as MouStatus,
      signedOn: date("signedOn"),
      effectiveOn: date("effectiveOn"),
      expiresOn: date("expiresOn"),
      notes: formText(form, "notes"),
      sharedWithFunders: data.get("sharedWithFunders") === "on",
      ownerUserId: formText(form, "ownerUserId") || null,
      partyOrganizationIds: data.getAll("partyOrganizationIds").map(String),
      signatories: data.getAll("signatoryUserIds").map((userId) => ({ userId: String(userId), signingTitle: formText(form, `signingTitle-${String(userId)}`) })),
    };
    setSaved(null);
    if (mou) update.mutate({ ...values, mouId: mou.id });
    else create.mutate(values, { onSuccess: () => { setSaved(values.title); form.reset(); } });
  }

  const partyErrors = errors.partyOrganizationIds ?? [];
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={mou ? t("editNamed", { title: mou.title }) : t("newTitle")}>
      {saved && <SuccessMessage>{t("created", { title: saved })}</SuccessMessage>}
      <FormError error={error} />
      <Field label={t("titleField")} name="title" defaultValue={mou?.title} errors={errors} required />
      <Field label={t("statusField")} name="status" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={mou?.status ?? "draft"}>
            {MOU_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={partyErrors.length ? `${prefix}-parties-error` : undefined}>
        <legend>{t("parties")}</legend>
        <span className="hint">{t("partiesHint")}</span>
        {(organizations.data ?? []).map((organization) => (
          <label key={organization.id} className="checkbox">
            <input
              type="checkbox"
              name="partyOrganizationIds"
              value={organization.id}
              defaultChecked={mou?.parties.some((party) => party.organizationId === organization.id)}
            />{" "}
            {organization.name}
          </label>
        ))}
        {partyErrors.length > 0 && <PartyError id={`${prefix}-parties-error`} error={error} />}
      </fieldset>
      <fieldset>
        <legend>{t("signatories")}</legend>
        <span className="hint">{t("signatoriesHint")}</span>
        {errors.signatories && <PartyError id={`${prefix}-signatories-error`} error={error} field="signatories" />}
        {(people.data ?? []).map((person) => {
          const current = mou?.signatories.find((one) => one.userId === person.userId);
          return (
            <div key={person.userId} className="inline-actions">
              <label className="checkbox">
                <input type="checkbox" name="signatoryUserIds" value={person.userId} defaultChecked={Boolean(current)} /> {person.name}
              </label>
              <label>
                <span className="visually-hidden">{t("signingTitleFor", { name: person.name })}</span>
                <input name={`signingTitle-${person.userId}`} defaultValue={current?.signingTitle ?? ""} placeholder={t("signingTitle")} />
              </label>
            </div>
          );
        })}
      </fieldset>
      <Field label={t("signedOn")} name="signedOn" type="date" defaultValue={mou?.signedOn ?? ""} errors={errors} />
      <Field label={t("effectiveOn")} name="effectiveOn" type="date" defaultValue={mou?.effectiveOn ?? ""} errors={errors} />
      <Field label={t("expiresOn")} name="expiresOn" type="date" defaultValue={mou?.expiresOn ?? ""} errors={errors} />
      <PersonPicker label={t("owner")} name="ownerUserId" people={assignable.data ?? []} noneLabel={t("noOwner")} defaultValue={mou?.ownerUserId} errors={errors} hint={t("ownerHint")} />
      <Field label={t("notes")} name="notes" hint={tPrivacy("noSurvivorNames")} errors={errors}>
        {(control) => <textarea {...control} defaultValue={mou?.notes ?? ""} rows={3} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="sharedWithFunders" defaultChecked={mou?.sharedWithFunders ?? false} /> {t("shareWithFunders")}
      </label>
      <div className="inline-actions">
        <button type="submit" disabled={create.isPending || update.isPending}>
          {mou ? t("save") : t("create")}
        </button>
        {onDone && (
          <button type="button" className="secondary" onClick={onDone}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** The message for a group of checkboxes (a fieldset has no single input to hang it on). */
function PartyError({ id, error, field = "partyOrganizationIds" }: { id: string; error: ErrorLike | null; field?: string }) {
  const fieldMessage = useFieldMessage();
  return (
    <span className="error" id={id}>
      {(fieldErrorsOf(error)[field] ?? []).map(fieldMessage).join(" ")}
    </span>
  );
}
