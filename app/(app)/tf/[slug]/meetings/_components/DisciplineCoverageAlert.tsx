import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverCaller } from "@/app/_trpc/server";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";

/**
 * Dashboard widget: which core disciplines (a task-force setting) were at the table of the latest
 * held full task-force meeting, and an alert for those absent from each of the last three. A server
 * component with its own query, so the dashboard renders it with one line.
 */
export async function DisciplineCoverageAlert({ taskForceSlug }: { taskForceSlug: string }) {
  const caller = await serverCaller();
  const coverage = await caller.meeting.coreDisciplineAlert({ taskForceSlug });
  const latest = coverage.meetings[0];
  if (!latest) return null;
  const t = await getTranslations("meetings");
  const tDisciplines = await getTranslations("disciplines");
  const format = await getFormatter();
  const name = (key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : key);
  const present = coverage.coreDisciplines.filter((discipline) => latest.presentDisciplines.includes(discipline));
  return (
    <section aria-labelledby="discipline-coverage-heading">
      <h2 id="discipline-coverage-heading">{t("coverageWidgetHeading")}</h2>
      <p>
        {t("coverageLatest", {
          title: latest.title,
          date: format.dateTime(latest.startsAt, { dateStyle: "medium" }),
          present: present.length,
          core: coverage.coreDisciplines.length,
        })}
      </p>
      <ul>
        {coverage.coreDisciplines.map((discipline) => (
          <li key={discipline}>
            {name(discipline)}: {present.includes(discipline) ? t("disciplinePresent") : <strong>{t("disciplineAbsent")}</strong>}
          </li>
        ))}
      </ul>
      {coverage.absent.length > 0 && (
        <div className="alert error" role="status">
          <p>{t("coverageAlert", { disciplines: coverage.absent.map(name).join(", "), absent: coverage.absent.length, count: coverage.window })}</p>
        </div>
      )}
      <Link href={`/tf/${taskForceSlug}/meetings`}>{t("coverageAlertLink")}</Link>
    </section>
  );
}
