"use client";

import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { ChartFrame } from "@/app/_components/charts/ChartFrame";
import { DrawingPlaceholder } from "@/app/_components/charts/lazyDrawings";
import type { MouView } from "./Mous";

// recharts loads after the page, as the shared charts' drawings do (lazyDrawings.tsx).
const MouTimelineDrawing = dynamic(() => import("./MouTimelineDrawing").then((drawing) => drawing.MouTimelineDrawing), { ssr: false, loading: DrawingPlaceholder });

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * Each dated MOU as a bar from its effective date to its expiry date, with today marked: what runs,
 * what ends soon, what has lapsed. The table gives days until expiry and each term's length.
 */
export function MouTimeline({ mous, today }: { mous: MouView[]; today: string }) {
  const t = useTranslations("mous");
  const format = useFormatter();
  const dated = mous.filter((mou): mou is MouView & { effectiveOn: string; expiresOn: string } => Boolean(mou.effectiveOn && mou.expiresOn));
  if (dated.length === 0) return <p>{t("timelineNone")}</p>;
  const todayNumber = dayNumber(today);
  const rows = dated.map((mou) => ({
    key: mou.id,
    label: mou.title,
    start: dayNumber(mou.effectiveOn),
    length: dayNumber(mou.expiresOn) - dayNumber(mou.effectiveOn),
    daysLeft: dayNumber(mou.expiresOn) - todayNumber,
  }));
  const dateOf = (day: number) => format.dateTime(new Date(day * DAY_MS + DAY_MS / 2), { dateStyle: "medium", timeZone: "UTC" });
  const min = Math.min(...rows.map((row) => row.start), todayNumber);
  const max = Math.max(...rows.map((row) => row.start + row.length), todayNumber);
  const expired = rows.filter((row) => row.daysLeft < 0).length;
  const soon = rows.filter((row) => row.daysLeft >= 0 && row.daysLeft <= 90).length;
  return (
    <ChartFrame
      caption={t("timelineCaption")}
      summary={t("timelineSummary", { count: rows.length, expired, soon })}
      categoryHeading={t("titleField")}
      categories={rows.map((row) => ({ key: row.key, label: row.label }))}
      series={[
        { key: "daysLeft", label: t("daysLeft"), values: Object.fromEntries(rows.map((row) => [row.key, row.daysLeft])) },
        { key: "length", label: t("termDays"), values: Object.fromEntries(rows.map((row) => [row.key, row.length])) },
      ]}
      height={Math.max(140, rows.length * 44 + 60)}
    >
      <MouTimelineDrawing rows={rows} domain={[min - 15, max + 15]} todayNumber={todayNumber} dateOf={dateOf} labels={{ term: t("termDays"), today: t("today"), effectiveOn: t("effectiveOn") }} />
    </ChartFrame>
  );
}
