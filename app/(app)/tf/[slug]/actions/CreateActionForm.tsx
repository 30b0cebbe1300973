"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionItemForm } from "@/app/_components/ActionItemForm";
import { useTRPC } from "@/app/_trpc/client";

/** A coordinator adds an action that belongs to no gap (actions of a gap are added on the gap). */
export function CreateActionForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("actions");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.actionItem.create.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.actionItem.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.actionItem.mine.queryKey() }),
        ]),
    }),
  );
  return (
    <section aria-labelledby="create-action-heading">
      <h2 id="create-action-heading">{t("createHeading")}</h2>
      <p>{t("createIntro")}</p>
      <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
      <ActionItemForm context={{ taskForceSlug, gapId: null }} mutation={create} headingId="create-action-heading"
        labels={{ title: t("titleLabel"), assigneeOrganization: t("assigneeOrganizationLabel"), assignee: t("assigneeLabel"), dueOn: t("dueOnLabel"), dueOnHint: t("dueOnHint"), submit: t("create"), submitting: t("creating"), created: (title) => t("created", { title }) }}
      />
    </section>
  );
}
