"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

interface TemplateChoice {
  key: string;
  items: { key: string; title: string }[];
}

/** Add requirements from a template (the ECM list, or optional ones one by one) or write one's own. */
export function AddRequirementForms({ taskForceSlug, grantId, templates }: { taskForceSlug: string; grantId: string; templates: TemplateChoice[] }) {
  const t = useTranslations("requirements");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.grant.pathKey() });
  const apply = useMutation(trpc.grant.applyTemplate.mutationOptions({ onSuccess: refresh }));
  const addOwn = useMutation(trpc.grant.addRequirement.mutationOptions({ onSuccess: refresh }));
  const choices = templates.flatMap((template) => template.items.map((item) => ({ value: `${template.key}:${item.key}`, label: item.title, template: template.key })));

  function onApply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const [templateKey = "", itemKey] = formText(event.currentTarget, "item").split(":");
    apply.mutate(
      { taskForceSlug, grantId, templateKey, itemKeys: itemKey ? [itemKey] : undefined },
      { onSuccess: ({ added }) => setMessage(t("templateApplied", { count: added })) },
    );
  }

  function onAddOwn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    addOwn.mutate(
      { taskForceSlug, grantId, title, description: formText(form, "description"), dueOn: formText(form, "dueOn") || null },
      {
        onSuccess: () => {
          setMessage(t("added", { title }));
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(addOwn.error);
  return (
    <section aria-labelledby="add-requirement-heading">
      <h2 id="add-requirement-heading">{t("addHeading")}</h2>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {choices.length > 0 && (
        <form className="stack" onSubmit={onApply} noValidate aria-label={t("fromTemplateForm")}>
          <FormError error={apply.error} />
          <Field label={t("templateItemLabel")} name="item">
            {(control) => (
              <select {...control} defaultValue={choices[0]?.value}>
                {templates.map((template) =>
                  template.items.length === 0 ? null : (
                    <optgroup key={template.key} label={t(`template.${template.key}` as "template.ecm")}>
                      {template.key === "ecm" && template.items.length > 1 && <option value="ecm">{t("allRemaining", { count: template.items.length })}</option>}
                      {template.items.map((item) => (
                        <option key={item.key} value={`${template.key}:${item.key}`}>
                          {item.title}
                        </option>
                      ))}
                    </optgroup>
                  ),
                )}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={apply.isPending}>
              {t("addFromTemplate")}
            </button>
          </div>
        </form>
      )}
      <form key={formKey} className="stack" onSubmit={onAddOwn} noValidate aria-label={t("ownForm")}>
        <FormError error={addOwn.error} />
        <Field label={t("titleLabel")} name="title" errors={errors} required />
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("descriptionLabel")} name="description" errors={errors}>
          {(control) => <textarea {...control} rows={3} />}
        </Field>
        <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} />
        <div>
          <button type="submit" disabled={addOwn.isPending}>
            {t("addOwn")}
          </button>
        </div>
      </form>
    </section>
  );
}
