"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { SuccessMessage } from "@/app/_components/forms";
import { OrganizationPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import { DataTable } from "@/app/_components/DataTable";
import { ACTION_STATUSES, DueAndStatusCells, GapCell, MarkDoneButton, type ActionStatus } from "./ActionParts";

export interface ActionFilters {
  status: ActionStatus | undefined;
  assigneeOrganizationId: string | undefined;
  overdue: boolean;
}

/** Every action of the task force (of gaps and standalone), filtered by a plain GET form. */
export function ActionsTracker({ taskForceSlug, filters }: { taskForceSlug: string; filters: ActionFilters }) {
  const t = useTranslations("actions");
  const trpc = useTRPC();
  const id = useId();
  const [done, setDone] = useState<string | null>(null);
  const actions = useQuery(
    trpc.actionItem.list.queryOptions({
      taskForceSlug,
      status: filters.status ? [filters.status] : undefined,
      assigneeOrganizationId: filters.assigneeOrganizationId,
      overdue: filters.overdue,
    }),
  );
  const organizations = useQuery(trpc.organization.list.queryOptions({ taskForceSlug }));
  const items = actions.data?.actionItems ?? [];
  const filtered = filters.status !== undefined || filters.assigneeOrganizationId !== undefined || filters.overdue;

  return (
    <section aria-labelledby="all-actions-heading">
      <h2 id="all-actions-heading">{t("allHeading")}</h2>
      <form method="get" aria-label={t("filtersLegend")}>
        <div className="inline-actions">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t("statusFilter")}</label>
            <select id={`${id}-status`} name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("anyStatus")}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status_${status}`)}
                </option>
              ))}
            </select>
          </div>
          <OrganizationPicker label={t("organizationFilter")} name="organization" organizations={organizations.data ?? []} noneLabel={t("anyOrganization")} defaultValue={filters.assigneeOrganizationId} />
          <label className="choice">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
            {t("overdueFilter")}
          </label>
          <button type="submit">{t("applyFilters")}</button>
          {filtered && <Link href={`/tf/${taskForceSlug}/actions`}>{t("clearFilters")}</Link>}
        </div>
      </form>
      {done && <SuccessMessage>{t("markedDone", { title: done })}</SuccessMessage>}
      <DataTable
        caption={t("allHeading")}
        columns={[t("columnTitle"), t("columnGap"), t("columnAssignee"), t("columnDue"), t("columnStatus"), t("columnDo")]}
        rows={actions.isSuccess ? items : undefined}
        rowKey={(item) => item.id}
        empty={t("allEmpty")}
      >
        {(item) => (
          <>
            <td>{item.title}</td>
            <GapCell taskForceSlug={taskForceSlug} item={item} />
            <td>
              {item.assigneeName || item.assigneeOrganizationName ? (
                <>
                  {item.assigneeName}
                  {item.assigneeName && item.assigneeOrganizationName && <br />}
                  {item.assigneeOrganizationName}
                </>
              ) : (
                t("noAssignee")
              )}
            </td>
            <DueAndStatusCells item={item} />
            <td>{item.status !== "done" && item.canUpdate && <MarkDoneButton taskForceSlug={taskForceSlug} item={item} onDone={setDone} />}</td>
          </>
        )}
      </DataTable>
    </section>
  );
}
