"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { CalendarDate } from "@/app/_components/DateTime";
import { useLevelText } from "@/app/_components/charts/format";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

type SortKey = "name" | "stage" | "progress" | "reporting" | "contributions" | "updatedAt" | "nextDue";
type Direction = "ascending" | "descending";

/** The portfolio table, sortable by any column with buttons in the headers (aria-sort says which). */
export function Portfolio() {
  const t = useTranslations("funder");
  const format = useFormatter();
  const now = useNow();
  const level = useLevelText();
  const trpc = useTRPC();
  const portfolio = useQuery(trpc.funder.portfolio.queryOptions());
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: "name", direction: "ascending" });
  if (portfolio.error) return <FormError error={portfolio.error} />;
  if (!portfolio.data) return null;
  if (portfolio.data.length === 0) return <p>{t("none")}</p>;

  const meanStage = (row: (typeof portfolio.data)[number]) => {
    const levels = row.areas.flatMap((area) => (area.level === null ? [] : [area.level]));
    return levels.length ? levels.reduce((sum, value) => sum + value, 0) / levels.length : null;
  };
  const sortValue = (row: (typeof portfolio.data)[number]): string | number | null => {
    switch (sort.key) {
      case "name":
        return row.name.toLowerCase();
      case "stage":
        return meanStage(row);
      case "progress":
        return row.progress.share;
      case "reporting":
        return row.reporting.ended ? row.reporting.reported / row.reporting.ended : null;
      case "contributions":
        return row.contributions?.expected ? row.contributions.reportingRate : null;
      case "updatedAt":
        return row.updatedAt?.getTime() ?? null;
      case "nextDue":
        return row.nextDue?.dueOn ?? null;
    }
  };
  const rows = [...portfolio.data].sort((a, b) => {
    const [x, y] = [sortValue(a), sortValue(b)];
    // Rows without a value go last whatever the direction.
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.direction === "ascending" ? order : -order;
  });

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? sort.direction : "none"}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, direction: active && sort.direction === "ascending" ? "descending" : "ascending" })}
        >
          {label}
          <span className="visually-hidden"> {active ? t(sort.direction) : t("sortable")}</span>
          <span aria-hidden="true">{active ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <TableScroll label={t("caption")}>
      <table className="portfolio">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            {header("name", t("taskForceColumn"))}
            {header("stage", t("stageColumn"))}
            {header("progress", t("progressColumn"))}
            {header("reporting", t("reportingColumn"))}
            {header("contributions", t("contributionsColumn"))}
            {header("updatedAt", t("freshnessColumn"))}
            {header("nextDue", t("nextDueColumn"))}
            <th scope="col">{t("accessColumn")}</th>
            <th scope="col">{t("summaryColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug}>
              <th scope="row">
                <Link href={`/tf/${row.slug}/dashboard`}>{row.name}</Link>
              </th>
              <td>
                {row.areas.length === 0 ? (
                  t("noRound")
                ) : (
                  <ul className="plain">
                    {row.areas.map((area) => (
                      <li key={area.key}>
                        {t("areaLevel", { key: area.key, name: area.name, level: level(area.level) })}
                        {area.level !== null && area.previous !== null && area.level !== area.previous && (
                          <> {area.level > area.previous ? t("movedUp") : t("movedDown")}</>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {row.progress.total === 0
                  ? t("noGrant")
                  : t("progressCell", {
                      met: row.progress.met,
                      applicable: row.progress.total - row.progress.notApplicable,
                      share: format.number(row.progress.share ?? 0, { style: "percent" }),
                    })}
              </td>
              <td>
                {t("reportingCell", { reported: row.reporting.reported, ended: row.reporting.ended })}
                {row.reporting.overdue > 0 && (
                  <>
                    {" "}
                    <strong className="badge">{t("overdueReports", { count: row.reporting.overdue })}</strong>
                  </>
                )}
              </td>
              <td>
                {row.contributions && row.contributions.expected > 0
                  ? t("contributionsCell", {
                      period: row.contributions.period,
                      submitted: row.contributions.submitted,
                      expected: row.contributions.expected,
                      share: format.number(row.contributions.reportingRate, { style: "percent" }),
                    })
                  : t("noContributions")}
              </td>
              <td>{row.updatedAt ? format.relativeTime(row.updatedAt, now) : t("never")}</td>
              <td>
                {row.nextDue ? (
                  <>
                    <CalendarDate value={row.nextDue.dueOn} /> ({t("daysLeft", { days: row.nextDue.daysLeft })})
                  </>
                ) : (
                  t("noneDue")
                )}
              </td>
              <td>{row.programs.length > 0 ? format.list(row.programs, { type: "conjunction" }) : t("byInvitation")}</td>
              <td>
                <Link href={`/funder/summary/${row.slug}`}>
                  {t("summaryLink")}
                  <span className="visually-hidden"> ({row.name})</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
