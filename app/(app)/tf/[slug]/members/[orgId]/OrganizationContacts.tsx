"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/* The contacts of an organization on its profile: its staff, with work email and phone. */

interface ContactRow {
  id: string;
  name: string;
  title: string;
  workEmail: string | null;
  workPhone: string | null;
  isPrimary: boolean;
}

export function Contacts({ taskForceSlug, organizationId, contacts, canEdit }: { taskForceSlug: string; organizationId: string; contacts: ContactRow[]; canEdit: boolean }) {
  const t = useTranslations("organizations");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ taskForceSlug, organizationId }) });
  const add = useMutation(trpc.organization.addContact.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.organization.removeContact.mutationOptions({ onSuccess: refresh }));
  const errors = fieldErrorsOf(add.error);
  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    add.mutate(
      {
        taskForceSlug,
        organizationId,
        name: formText(form, "name"),
        title: formText(form, "title"),
        workEmail: formText(form, "workEmail"),
        workPhone: formText(form, "workPhone"),
        isPrimary: new FormData(form).get("isPrimary") === "on",
      },
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{t("contactsTitle")}</h2>
      <p className="hint">{t("contactsIntro")}</p>
      <FormError error={remove.error} />
      {contacts.length === 0 ? (
        <p>{t("contactsNone")}</p>
      ) : (
        <TableScroll label={t("contactsTitle")}>
          <table>
            <caption className="visually-hidden">{t("contactsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contactName")}</th>
                <th scope="col">{t("contactTitle")}</th>
                <th scope="col">{t("workEmail")}</th>
                <th scope="col">{t("workPhone")}</th>
                {canEdit && <th scope="col">{t("actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    {contact.name}
                    {contact.isPrimary && <> ({t("primaryContact")})</>}
                  </th>
                  <td>{contact.title || t("none")}</td>
                  <td>{contact.workEmail ? <a href={`mailto:${contact.workEmail}`}>{contact.workEmail}</a> : t("none")}</td>
                  <td>{contact.workPhone ?? t("none")}</td>
                  {canEdit && (
                    <td>
                      <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ taskForceSlug, organizationId, contactId: contact.id })}>
                        {t("removeContact", { name: contact.name })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && (
        <form className="stack" onSubmit={onAdd} noValidate aria-labelledby="add-contact-heading">
          <h3 id="add-contact-heading">{t("addContactTitle")}</h3>
          {add.isSuccess && <SuccessMessage>{t("contactAdded")}</SuccessMessage>}
          <FormError error={add.error} />
          <Field label={t("contactName")} name="name" errors={errors} required />
          <Field label={t("contactTitle")} name="title" errors={errors} />
          <Field label={t("workEmail")} name="workEmail" type="email" errors={errors} />
          <Field label={t("workPhone")} name="workPhone" type="tel" errors={errors} />
          <label className="checkbox">
            <input type="checkbox" name="isPrimary" /> {t("primaryContact")}
          </label>
          <div>
            <button type="submit" disabled={add.isPending}>
              {t("addContact")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
