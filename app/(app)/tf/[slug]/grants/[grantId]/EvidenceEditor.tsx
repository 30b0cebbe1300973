"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import type { EditableRequirement } from "./RequirementEditor";

/** Links a record of this task force (or an address) to a requirement as evidence, and removes links. */
export function EvidenceEditor({
  taskForceSlug,
  requirement,
  evidenceKinds,
}: {
  taskForceSlug: string;
  requirement: EditableRequirement;
  evidenceKinds: string[];
}) {
  const t = useTranslations("requirements");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState(evidenceKinds[0] ?? "url");
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.grant.pathKey() });
  const add = useMutation(trpc.grant.addEvidence.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.grant.removeEvidence.mutationOptions({ onSuccess: refresh }));
  const options = useQuery({ ...trpc.grant.evidenceOptions.queryOptions({ taskForceSlug, kind }), enabled: kind !== "url" });
  const kindLabel = (value: string) => t(`kind.${value}` as "kind.url");

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const recordId = formText(form, "recordId");
    const url = formText(form, "url");
    add.mutate(
      {
        taskForceSlug,
        requirementId: requirement.id,
        kind,
        recordId: kind === "url" || recordId === "" ? null : recordId,
        url: kind === "url" && url !== "" ? url : null,
        label: formText(form, "label"),
      },
      { onSuccess: () => setFormKey((value) => value + 1) },
    );
  }

  const errors = fieldErrorsOf(add.error);
  return (
    <div className="evidence-editor">
      {requirement.evidence.length > 0 && (
        <ul className="evidence">
          {requirement.evidence.map((item) => {
            const name = item.label || item.recordLabel || item.url || kindLabel(item.kind);
            return (
              <li key={item.id}>
                {kindLabel(item.kind)}: {name}{" "}
                <button type="button" className="link-button" disabled={remove.isPending} onClick={() => remove.mutate({ taskForceSlug, evidenceId: item.id })}>
                  {t("removeEvidence", { name })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FormError error={remove.error} />
      <form key={formKey} className="stack" onSubmit={onAdd} noValidate aria-label={t("addEvidenceForm", { title: requirement.title })}>
        <FormError error={add.error} />
        <Field label={t("kindLabel")} name="kind" errors={errors}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value)}>
              {evidenceKinds.map((value) => (
                <option key={value} value={value}>
                  {kindLabel(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === "url" ? (
          <Field label={t("urlLabel")} name="url" type="url" errors={errors} />
        ) : (
          <Field label={t("recordLabel")} name="recordId" errors={errors}>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("chooseRecord")}</option>
                {(options.data ?? []).map((record) => (
                  <option key={record.id} value={record.id}>
                    {record.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("evidenceLabelLabel")} name="label" errors={errors} hint={t("evidenceLabelHint")} />
        <div>
          <button type="submit" disabled={add.isPending}>
            {t("addEvidence")}
          </button>
        </div>
      </form>
    </div>
  );
}
