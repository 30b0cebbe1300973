"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { DueCell } from "@/app/_components/DueCell";
import { FormError } from "@/app/_components/forms";
import { Link } from "@/app/_components/Link";
import { useTRPC } from "@/app/_trpc/client";

export type ActionStatus = "to_do" | "doing" | "done";
export const ACTION_STATUSES: readonly ActionStatus[] = ["to_do", "doing", "done"];

export function StatusText({ status }: { status: ActionStatus }) {
  const t = useTranslations("actions");
  return <>{t(`status_${status}`)}</>;
}

/** An action's gap (a link), or that it belongs to none. */
export function GapCell({ taskForceSlug, item }: { taskForceSlug: string; item: { gapId: string | null; gapTitle: string | null } }) {
  const t = useTranslations("actions");
  return <td>{item.gapId ? <Link href={`/tf/${taskForceSlug}/gaps/${item.gapId}`}>{item.gapTitle}</Link> : t("standalone")}</td>;
}

/** The due date and status cells of an action's row, alike in the tracker and under "My actions". */
export function DueAndStatusCells({ item }: { item: ComponentProps<typeof DueCell> & { status: ActionStatus } }) {
  return (
    <>
      <td>
        <DueCell dueOn={item.dueOn} dueState={item.dueState} />
      </td>
      <td>
        <StatusText status={item.status} />
      </td>
    </>
  );
}

/**
 * "Mark done" with the version the list was loaded with. When someone changed the action in the
 * meantime the server's "changed by X at T" message is shown and the lists are refreshed, so the
 * person reviews the latest state before trying again.
 */
export function MarkDoneButton({
  taskForceSlug,
  item,
  onDone,
}: {
  taskForceSlug: string;
  item: { id: string; title: string; version: number };
  onDone: (title: string) => void;
}) {
  const t = useTranslations("actions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.actionItem.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.actionItem.mine.queryKey() }),
    ]);
  const complete = useMutation(
    trpc.actionItem.complete.mutationOptions({
      onSuccess: () => {
        onDone(item.title);
        return refresh();
      },
      onError: (error) => {
        if (error.data?.code === "CONFLICT") return refresh();
      },
    }),
  );
  return (
    <div>
      <FormError error={complete.error} />
      <button
        type="button"
        className="secondary"
        disabled={complete.isPending}
        onClick={() => complete.mutate({ taskForceSlug, actionItemId: item.id, version: item.version })}
      >
        {complete.isPending ? t("markingDone") : t("markDone")}
        <span className="visually-hidden"> {item.title}</span>
      </button>
    </div>
  );
}
