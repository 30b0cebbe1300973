"use client";

import { useTranslations } from "next-intl";
import { CalendarDate } from "@/app/_components/DateTime";

/** Where a due date stands, as the server classifies it in the task force's time zone. */
export type DueState = "overdue" | "dueSoon" | "later" | "none";

/** The due date with its state in words (never by colour alone): overdue, or due within 7 days. */
export function DueCell({ dueOn, dueState }: { dueOn: string | null; dueState: DueState }) {
  const t = useTranslations("due");
  if (!dueOn) return <>{t("none")}</>;
  return (
    <>
      <CalendarDate value={dueOn} />
      {(dueState === "overdue" || dueState === "dueSoon") && (
        <>
          {" "}
          <strong className={dueState === "overdue" ? "badge" : "badge soon"}>{t(dueState)}</strong>
        </>
      )}
    </>
  );
}
