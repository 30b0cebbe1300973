"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { InvitationOutcome } from "@/app/_components/InvitationOutcome";
import { TableScroll } from "@/app/_components/TableScroll";

export function TaskForceAdmin() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const taskForces = useQuery(trpc.admin.taskForce.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.taskForce.list.queryKey() });
  const create = useMutation(trpc.admin.taskForce.create.mutationOptions({ onSuccess: refresh }));
  const invite = useMutation(trpc.admin.taskForce.inviteCoordinator.mutationOptions());

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(
      {
        name: formText(form, "name"),
        slug: formText(form, "slug"),
        timeZone: formText(form, "timeZone"),
        coordinatorEmail: formText(form, "coordinatorEmail"),
      },
      { onSuccess: () => form.reset() },
    );
  }

  function onInvite(event: FormEvent<HTMLFormElement>, taskForceId: string) {
    event.preventDefault();
    const form = event.currentTarget;
    invite.mutate({ taskForceId, email: formText(form, "email") }, { onSuccess: () => form.reset() });
  }

  const errors = fieldErrorsOf(create.error);
  const rows = taskForces.data ?? [];
  return (
    <>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table>
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("address")}</th>
                <th scope="col">{t("timeZone")}</th>
                <th scope="col">{t("members")}</th>
                <th scope="col">{t("invite")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((taskForce) => (
                <tr key={taskForce.id}>
                  <th scope="row">{taskForce.name}</th>
                  <td>/tf/{taskForce.slug}</td>
                  <td>{taskForce.timeZone}</td>
                  <td>{taskForce.activeMembers}</td>
                  <td>
                    <form className="inline-actions" onSubmit={(event) => onInvite(event, taskForce.id)} noValidate>
                      <Field
                        label={t("inviteCoordinator", { name: taskForce.name })}
                        name="email"
                        type="email"
                        errors={invite.variables?.taskForceId === taskForce.id ? fieldErrorsOf(invite.error) : undefined}
                      />
                      <button type="submit" className="secondary" disabled={invite.isPending}>
                        {t("invite")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {invite.data && <InvitationOutcome result={invite.data} />}
      <FormError error={invite.error} />

      <h2>{t("create")}</h2>
      {create.data && (
        <>
          <p role="status">{t("created", { name: create.data.taskForce.name })}</p>
          <InvitationOutcome result={create.data.invitation} />
        </>
      )}
      <form className="stack" onSubmit={onCreate} noValidate>
        <FormError error={create.error} />
        <Field label={t("name")} name="name" errors={errors} required />
        <Field label={t("slug")} name="slug" hint={t("slugHint")} errors={errors} required />
        <Field label={t("timeZone")} name="timeZone" defaultValue="America/New_York" errors={errors} required />
        <Field label={t("coordinatorEmail")} name="coordinatorEmail" type="email" errors={errors} required />
        <div>
          <button type="submit" disabled={create.isPending}>
            {t("create")}
          </button>
        </div>
      </form>
    </>
  );
}
