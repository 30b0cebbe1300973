"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { FormError, SelectField } from "@/app/_components/forms";
import { OrganizationPicker } from "@/app/_components/Pickers";
import { useTRPC } from "@/app/_trpc/client";
import { DataTable, type DataTableColumn } from "@/app/_components/DataTable";
import { DueCell } from "@/app/_components/DueCell";
import { GAP_STATUSES, gapsHref, type GapFilters, type GapSort } from "./filters";

export function GapsList({ taskForceSlug, filters }: { taskForceSlug: string; filters: GapFilters }) {
  const t = useTranslations("gaps");
  const trpc = useTRPC();
  const input = { taskForceSlug };
  const list = useQuery(trpc.gap.list.queryOptions({ ...input, ...filters.input }));
  const organizations = useQuery(trpc.organization.list.queryOptions(input));
  const framework = useQuery(trpc.framework.outline.queryOptions(input));
  const areas = framework.data?.areas ?? [];
  const areaName = (key: string) => areas.find((area) => area.key === key)?.name ?? key;

  function sortHeader(sort: GapSort, label: string): DataTableColumn {
    const active = filters.input.sort === sort;
    const direction = active && filters.input.direction === "asc" ? "desc" : "asc";
    return {
      sort: active ? (filters.input.direction === "asc" ? "ascending" : "descending") : undefined,
      header: (
        <Link href={gapsHref(taskForceSlug, filters, { sort, direction })}>
          {label}
          {active && <span>{` (${t(filters.input.direction === "asc" ? "sortedAscending" : "sortedDescending")})`}</span>}
        </Link>
      ),
    };
  }

  const gaps = list.data?.gaps ?? [];
  return (
    <section aria-labelledby="gaps-list-heading">
      <h2 id="gaps-list-heading">{t("listHeading")}</h2>
      <form method="get" action={`/tf/${taskForceSlug}/gaps`} className="gap-filters" aria-label={t("filtersLabel")}>
        <fieldset className="choice-group">
          <legend>{t("statusFilter")}</legend>
          {GAP_STATUSES.map((status) => (
            <label className="choice" key={status}>
              <input type="checkbox" name="status" value={status} defaultChecked={filters.input.status?.includes(status) ?? false} />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
        <SelectField label={t("areaFilter")} name="area" options={areas.map((area) => ({ value: area.key, label: area.name }))} noneLabel={t("filterUnset")} defaultValue={filters.input.area} />
        <OrganizationPicker label={t("organizationFilter")} name="organization" organizations={organizations.data ?? []} noneLabel={t("filterUnset")} defaultValue={filters.input.ownerOrganizationId} />
        <div className="field">
          <label htmlFor="gap-filter-due-by">{t("dueByFilter")}</label>
          <input id="gap-filter-due-by" type="date" name="dueBy" defaultValue={filters.input.dueBefore ?? ""} />
        </div>
        <label className="choice">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.input.overdue} />
          {t("overdueFilter")}
        </label>
        {filters.view === "board" && <input type="hidden" name="view" value="board" />}
        <div>
          <button type="submit">{t("applyFilters")}</button> <Link href={gapsHref(taskForceSlug, { ...filters, input: { overdue: false, sort: "dueOn", direction: "asc" } })}>{t("clearFilters")}</Link>
        </div>
      </form>
      <p className="inline-actions">
        {t("viewLabel")}{" "}
        {filters.view === "list" ? (
          <>
            <strong aria-current="page">{t("viewList")}</strong> <Link href={gapsHref(taskForceSlug, filters, { view: "board" })}>{t("viewBoard")}</Link>
          </>
        ) : (
          <>
            <Link href={gapsHref(taskForceSlug, filters, { view: "list" })}>{t("viewList")}</Link> <strong aria-current="page">{t("viewBoard")}</strong>
          </>
        )}
      </p>
      <FormError error={list.error} />
      {filters.view === "list" ? (
        <DataTable
          caption={t("listHeading")}
          columns={[
            t("titleColumn"),
            sortHeader("elementKey", t("elementColumn")),
            sortHeader("priority", t("priorityColumn")),
            sortHeader("status", t("statusColumn")),
            t("ownerColumn"),
            sortHeader("dueOn", t("dueColumn")),
            t("openActionsColumn"),
          ]}
          rows={list.data ? gaps : undefined}
          rowKey={(gap) => gap.id}
          empty={t("none")}
        >
          {(gap) => (
            <>
              <th scope="row">
                <Link href={`/tf/${taskForceSlug}/gaps/${gap.id}`}>{gap.title}</Link>
              </th>
              <td>
                {gap.elementName} <span className="hint">({areaName(gap.areaKey)})</span>
              </td>
              <td>{t(`priority.${gap.priority}`)}</td>
              <td>{t(`status.${gap.status}`)}</td>
              <td>{[gap.ownerOrganizationName, gap.ownerUserName].filter(Boolean).join(" — ") || t("noOwner")}</td>
              <td>
                <DueCell dueOn={gap.dueOn} dueState={gap.dueState} />
              </td>
              <td>{gap.openActionCount}</td>
            </>
          )}
        </DataTable>
      ) : (
        list.data && gaps.length === 0 && <p>{t("none")}</p>
      )}
      {gaps.length > 0 && filters.view === "board" && (
        <div className="gap-board">
          {GAP_STATUSES.filter((status) => !filters.input.status || filters.input.status.includes(status)).map((status) => {
            const column = gaps.filter((gap) => gap.status === status);
            return (
              <section key={status} className="gap-board-column" aria-labelledby={`board-${status}`}>
                <h3 id={`board-${status}`}>{t("boardColumn", { status: t(`status.${status}`), count: column.length })}</h3>
                {column.length === 0 ? (
                  <p className="hint">{t("boardEmpty")}</p>
                ) : (
                  <ul className="cards">
                    {column.map((gap) => (
                      <li key={gap.id}>
                        <Link href={`/tf/${taskForceSlug}/gaps/${gap.id}`}>{gap.title}</Link>
                        <p className="element-key">
                          {gap.elementName} · {t(`priority.${gap.priority}`)}
                        </p>
                        <p>
                          {t("dueColumn")}: <DueCell dueOn={gap.dueOn} dueState={gap.dueState} />
                        </p>
                        <p className="hint">{[gap.ownerOrganizationName, gap.ownerUserName].filter(Boolean).join(" — ") || t("noOwner")}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
