"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormError } from "@/app/_components/forms";
import { Link } from "@/app/_components/Link";
import { useTRPC } from "@/app/_trpc/client";
import type { SetupStep } from "@/server/domains/dashboard/setupChecklist.service";

/** Where each step is done. */
const STEP_PAGES: Record<SetupStep, string> = {
  framework: "/settings",
  organizations: "/members",
  leads: "/members",
  people: "/members/people",
  grant: "/grants",
  meeting: "/meetings",
  round: "/assessments",
};

/**
 * A new task force's setup checklist, for its coordinators (dashboard.setupChecklist): each step
 * ticked from the records, in words as well as with a mark, and linking to the page that does it.
 * Gone once every step is done; a coordinator may hide it sooner.
 */
export function SetupChecklist({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("setupChecklist");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const checklist = useQuery(trpc.dashboard.setupChecklist.queryOptions({ taskForceSlug }));
  const hide = useMutation(
    trpc.dashboard.hideSetupChecklist.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.setupChecklist.queryKey({ taskForceSlug }) }),
    }),
  );
  if (hide.isSuccess) return <p role="status">{t("hidden")}</p>;
  if (!checklist.data?.shown) return checklist.error ? <FormError error={checklist.error} /> : null;
  const { steps } = checklist.data;
  return (
    <section className="setup-checklist widget" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("title")}</h2>
      <p>{t("intro", { done: steps.filter((step) => step.done).length, total: steps.length })}</p>
      <ol className="checklist">
        {steps.map(({ step, done }) => (
          <li key={step} className={done ? "done" : undefined}>
            <span aria-hidden="true">{done ? "✓" : "○"}</span> <Link href={`/tf/${taskForceSlug}${STEP_PAGES[step]}`}>{t(`step_${step}`)}</Link>{" "}
            <span className="step-state">({t(done ? "done" : "toDo")})</span>
          </li>
        ))}
      </ol>
      <FormError error={hide.error} />
      <button type="button" className="secondary" onClick={() => hide.mutate({ taskForceSlug })} disabled={hide.isPending}>
        {t("hide")}
      </button>
    </section>
  );
}
