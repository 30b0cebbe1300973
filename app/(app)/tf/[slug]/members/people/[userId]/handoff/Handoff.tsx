"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Everything the person holds, by kind, and one form that gives it all to one active member. */
export function Handoff({ taskForceSlug, userId }: { taskForceSlug: string; userId: string }) {
  const t = useTranslations("handoff");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.people.handoff.queryOptions({ taskForceSlug, userId }));
  const handOff = useMutation(trpc.people.handOff.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() }) }));
  if (overview.error) return <FormError error={overview.error} />;
  if (!overview.data) return null;
  const { person, responsibilities, successors } = overview.data;
  const total = responsibilities.reduce((sum, kind) => sum + kind.items.length, 0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    handOff.mutate({ taskForceSlug, fromUserId: userId, toUserId: formText(event.currentTarget, "toUserId") });
  }

  return (
    <>
      <p>{person.endedAt ? t("ended") : t("stillActive")}</p>
      {handOff.data && (
        <SuccessMessage>
          {t("done", { name: handOff.data.successorName, count: Object.values(handOff.data.moved).reduce((sum, moved) => sum + moved, 0) })}
        </SuccessMessage>
      )}
      {responsibilities.map((kind) => (
        <section key={kind.key} aria-labelledby={`handoff-${kind.key}`}>
          <h2 id={`handoff-${kind.key}`}>{t(`kind.${kind.key}`, { count: kind.items.length })}</h2>
          {kind.items.length === 0 ? (
            <p>{t("nothing")}</p>
          ) : (
            <ul>
              {kind.items.map((item) => (
                <li key={item.id}>
                  {item.title}
                  {item.detail && (
                    <>
                      {" — "}
                      {DATE.test(item.detail) ? <CalendarDate value={item.detail} /> : item.detail}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {total > 0 && (
        <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="handoff-form-heading">
          <h2 id="handoff-form-heading">{t("formTitle")}</h2>
          <FormError error={handOff.error} />
          <Field label={t("successor")} name="toUserId" hint={t("successorHint", { count: total })} errors={fieldErrorsOf(handOff.error)} required>
            {(control) => (
              <select {...control} defaultValue="">
                <option value="">{t("chooseSuccessor")}</option>
                {successors.map((one) => (
                  <option key={one.userId} value={one.userId}>
                    {one.organizationName ? t("successorWithOrganization", { name: one.name, organization: one.organizationName }) : one.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <button type="submit" disabled={handOff.isPending}>
              {t("submit", { count: total })}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link href={`/tf/${taskForceSlug}/members/people`}>{t("back")}</Link>
      </p>
    </>
  );
}
