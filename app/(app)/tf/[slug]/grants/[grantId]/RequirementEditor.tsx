"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Disclosure } from "@/app/_components/Disclosure";
import { OwnerFields } from "@/app/_components/OwnerFields";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { REQUIREMENT_STATUSES } from "@/db/vocabulary/grants";
import type { RequirementStatus } from "@/server/domains/grants/grants.rules";
import { EvidenceEditor } from "./EvidenceEditor";

export interface EditableRequirement {
  id: string;
  title: string;
  description: string;
  status: RequirementStatus;
  computedKey: string | null;
  overrideStatus: RequirementStatus | null;
  overrideReason: string | null;
  ownerOrganizationId: string | null;
  ownerUserId: string | null;
  dueOn: string | null;
  version: number;
  evidence: { id: string; kind: string; label: string; recordLabel: string | null; url: string | null }[];
}

const statusOf = (value: string): RequirementStatus => REQUIREMENT_STATUSES.find((status) => status === value) ?? "not_started";

/** A coordinator's editor for one requirement, folded away until opened. */
export function RequirementEditor({
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
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.grant.pathKey() });
  const update = useMutation(trpc.grant.updateRequirement.mutationOptions({ onSuccess: refresh }));
  const override = useMutation(trpc.grant.overrideRequirement.mutationOptions({ onSuccess: refresh }));

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = event.currentTarget;
    update.mutate(
      {
        taskForceSlug,
        requirementId: requirement.id,
        version: requirement.version,
        title: formText(form, "title"),
        description: formText(form, "description"),
        ...(requirement.computedKey ? {} : { status: statusOf(formText(form, "status")) }),
        ownerOrganizationId: orNull(formText(form, "ownerOrganizationId")),
        ownerUserId: orNull(formText(form, "ownerUserId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      { onSuccess: () => setSaved(t("saved")) },
    );
  }

  function onOverride(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const form = event.currentTarget;
    const status = formText(form, "overrideStatus");
    override.mutate(
      { taskForceSlug, requirementId: requirement.id, version: requirement.version, status: status === "" ? null : statusOf(status), reason: formText(form, "reason") },
      { onSuccess: () => setSaved(status === "" ? t("overrideCleared") : t("overrideSaved")) },
    );
  }

  const errors = fieldErrorsOf(update.error);
  const overrideErrors = fieldErrorsOf(override.error);
  return (
    <Disclosure className="editor" summary={t("edit", { title: requirement.title })}>
      {saved && <SuccessMessage>{saved}</SuccessMessage>}
      <form className="stack" onSubmit={onSave} noValidate aria-label={t("editForm", { title: requirement.title })}>
        <FormError error={update.error} />
        <Field label={t("titleLabel")} name="title" errors={errors} defaultValue={requirement.title} required />
        <Field label={t("descriptionLabel")} name="description" errors={errors}>
          {(control) => <textarea {...control} rows={3} defaultValue={requirement.description} />}
        </Field>
        {!requirement.computedKey && (
          <Field label={t("statusLabel")} name="status" errors={errors}>
            {(control) => (
              <select {...control} defaultValue={requirement.status}>
                {REQUIREMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <OwnerFields
          taskForceSlug={taskForceSlug}
          errors={errors}
          organizationName="ownerOrganizationId"
          personName="ownerUserId"
          organizationLabel={t("ownerOrganizationLabel")}
          personLabel={t("ownerPersonLabel")}
          defaultOrganizationId={requirement.ownerOrganizationId}
          defaultUserId={requirement.ownerUserId}
        />
        <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} defaultValue={requirement.dueOn ?? ""} />
        <div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? t("saving") : t("save")}
          </button>
        </div>
      </form>
      {requirement.computedKey && (
        <form className="stack" onSubmit={onOverride} noValidate aria-label={t("overrideForm", { title: requirement.title })}>
          <FormError error={override.error} />
          <Field label={t("overrideLabel")} name="overrideStatus" errors={overrideErrors} hint={t("overrideHint")}>
            {(control) => (
              <select {...control} defaultValue={requirement.overrideStatus ?? ""}>
                <option value="">{t("noOverride")}</option>
                {REQUIREMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
          <Field label={t("reasonLabel")} name="reason" errors={overrideErrors} defaultValue={requirement.overrideReason ?? ""} />
          <div>
            <button type="submit" disabled={override.isPending}>
              {t("saveOverride")}
            </button>
          </div>
        </form>
      )}
      <EvidenceEditor taskForceSlug={taskForceSlug} requirement={requirement} evidenceKinds={evidenceKinds} />
    </Disclosure>
  );
}
