"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { PROTOCOL_STATUSES, PROTOCOL_TOPICS } from "@/db/vocabulary/members";
import { DocumentLink, DocumentUpload } from "../DocumentUpload";
import { TableScroll } from "@/app/_components/TableScroll";

type Topic = (typeof PROTOCOL_TOPICS)[number];
type Status = (typeof PROTOCOL_STATUSES)[number];

/** Protocols by IACP topic: which topics have an adopted protocol, which are missing, and their review dates. */
export function Protocols({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("protocols");
  const tDocuments = useTranslations("documents");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.protocol.list.queryOptions({ taskForceSlug }));
  const [uploadFor, setUploadFor] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  const { protocols, canManage } = list.data;
  const covered = new Set(protocols.filter((row) => row.status !== "draft").map((row) => row.topic));
  const missing = PROTOCOL_TOPICS.filter((topic) => topic !== "other" && !covered.has(topic));
  const nameOf = (row: { topic: Topic; title: string }) => row.title || t(`topic.${row.topic}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.protocol.list.queryKey({ taskForceSlug }) });

  return (
    <>
      <p>{missing.length === 0 ? t("allTopicsCovered") : t("missingTopics", { topics: missing.map((topic) => t(`topic.${topic}`)).join(", ") })}</p>
      {protocols.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table>
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("topicField")}</th>
                <th scope="col">{t("statusField")}</th>
                <th scope="col">{t("adoptedOn")}</th>
                <th scope="col">{t("nextReviewOn")}</th>
                <th scope="col">{t("document")}</th>
              </tr>
            </thead>
            <tbody>
              {protocols.map((row) => (
                <tr key={row.id} id={`protocol-${row.id}`}>
                  <th scope="row">
                    {nameOf(row)}
                    {row.title && <span className="hint"> ({t(`topic.${row.topic}`)})</span>}
                  </th>
                  <td>{t(`status.${row.status}`)}</td>
                  <td>{row.adoptedOn ? <CalendarDate value={row.adoptedOn} /> : t("noValue")}</td>
                  <td>{row.nextReviewOn ? <CalendarDate value={row.nextReviewOn} /> : t("noValue")}</td>
                  <td>
                    {row.documentId ? <DocumentLink taskForceSlug={taskForceSlug} documentId={row.documentId} label={tDocuments("download", { title: nameOf(row) })} /> : t("noDocument")}
                    {canManage && (
                      <>
                        {" "}
                        <button type="button" className="secondary" onClick={() => setUploadFor(uploadFor === row.id ? null : row.id)} aria-expanded={uploadFor === row.id}>
                          {tDocuments("attachNamed", { title: nameOf(row) })}
                        </button>
                        {uploadFor === row.id && (
                          <DocumentUpload taskForceSlug={taskForceSlug} target="protocol" recordId={row.id} recordTitle={nameOf(row)} onUploaded={refresh} />
                        )}{" "}
                        <button type="button" className="secondary" onClick={() => setEditing(editing === row.id ? null : row.id)} aria-expanded={editing === row.id}>
                          {t("editNamed", { title: nameOf(row) })}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage && editing && (
        <ProtocolForm
          key={editing}
          taskForceSlug={taskForceSlug}
          protocol={protocols.find((row) => row.id === editing)}
          onSaved={async () => {
            await refresh();
            setEditing(null);
          }}
        />
      )}
      {canManage && <ProtocolForm taskForceSlug={taskForceSlug} onSaved={refresh} />}
    </>
  );
}

interface ProtocolView {
  id: string;
  topic: Topic;
  title: string;
  status: Status;
  adoptedOn: string | null;
  nextReviewOn: string | null;
  notes: string;
  sharedWithFunders: boolean;
}

/** A new protocol, or (with `protocol`) the changes to one. */
function ProtocolForm({ taskForceSlug, protocol, onSaved }: { taskForceSlug: string; protocol?: ProtocolView; onSaved: () => Promise<unknown> }) {
  const t = useTranslations("protocols");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const create = useMutation(trpc.protocol.create.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.protocol.update.mutationOptions({ onSuccess: onSaved }));
  const error = create.error ?? update.error;
  const errors = fieldErrorsOf(error);
  const heading = protocol ? t("editNamed", { title: protocol.title || t(`topic.${protocol.topic}`) }) : t("newTitle");
  const headingId = protocol ? `edit-protocol-${protocol.id}` : "new-protocol-heading";
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = {
      taskForceSlug,
      topic: formText(form, "topic") as Topic,
      title: formText(form, "title"),
      status: formText(form, "status") as Status,
      adoptedOn: formText(form, "adoptedOn") || null,
      nextReviewOn: formText(form, "nextReviewOn") || null,
      notes: formText(form, "notes"),
      sharedWithFunders: new FormData(form).get("sharedWithFunders") === "on",
    };
    if (protocol) update.mutate({ ...values, protocolId: protocol.id });
    else create.mutate(values, { onSuccess: () => form.reset() });
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {create.isSuccess && <SuccessMessage>{t("created")}</SuccessMessage>}
      <FormError error={error} />
      <Field label={t("topicField")} name="topic" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={protocol?.topic ?? "information_sharing"}>
            {PROTOCOL_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topic.${topic}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("titleField")} name="title" hint={t("titleHint")} defaultValue={protocol?.title ?? ""} errors={errors} />
      <Field label={t("statusField")} name="status" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={protocol?.status ?? "draft"}>
            {PROTOCOL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("adoptedOn")} name="adoptedOn" type="date" defaultValue={protocol?.adoptedOn ?? ""} errors={errors} />
      <Field label={t("nextReviewOn")} name="nextReviewOn" type="date" defaultValue={protocol?.nextReviewOn ?? ""} errors={errors} />
      <Field label={t("notes")} name="notes" hint={tPrivacy("noSurvivorNames")} errors={errors}>
        {(control) => <textarea {...control} rows={3} defaultValue={protocol?.notes ?? ""} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="sharedWithFunders" defaultChecked={protocol?.sharedWithFunders ?? false} /> {t("shareWithFunders")}
      </label>
      <div>
        <button type="submit" disabled={create.isPending || update.isPending}>
          {protocol ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
