import { getFormatter, getTranslations } from "next-intl/server";
import type { JobRunSummary } from "@/db/schema";
import { JOB_NAMES, type JobName } from "@/db/vocabulary/jobs";
import { TableScroll } from "@/app/_components/TableScroll";

export interface JobRunRow {
  id: string;
  job: string;
  status: "running" | "succeeded" | "failed";
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  summary: JobRunSummary;
  error: string | null;
  taskForceName?: string;
}

const count = (summary: JobRunSummary, key: string) => Number(summary[key] ?? 0);
const isJobName = (job: string): job is JobName => (JOB_NAMES as readonly string[]).includes(job);

/** What a run sent or wrote, in words (the counts of its summary). */
async function outcome(run: JobRunRow): Promise<string> {
  const t = await getTranslations("jobs");
  if (run.status === "failed") return t("failedWith", { error: run.error ?? "", attempts: run.attempts });
  if (run.status === "running") return t("stillRunning");
  const { summary } = run;
  if (run.job === "reminders") {
    return t("remindersSent", {
      notified: count(summary, "notified"),
      dueSoon: count(summary, "dueSoon"),
      overdue: count(summary, "overdue"),
      emailed: count(summary, "emailed"),
      emailFailed: count(summary, "emailFailed"),
    });
  }
  if (run.job === "requirementStatuses") return t("requirementStatusesRecorded", { recorded: count(summary, "recorded") });
  if (run.job === "backup") {
    return t("backupWritten", { file: String(summary.file ?? ""), rows: count(summary, "rows"), tables: count(summary, "tables"), removed: count(summary, "removed") });
  }
  return JSON.stringify(summary);
}

/** A table of job runs, newest first, times in `timeZone`. */
export async function JobRuns({ runs, timeZone, caption, withTaskForce = false }: { runs: JobRunRow[]; timeZone: string; caption: string; withTaskForce?: boolean }) {
  const t = await getTranslations("jobs");
  const format = await getFormatter();
  if (runs.length === 0) return <p>{t("noRuns")}</p>;
  const outcomes = await Promise.all(runs.map(outcome));
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("job")}</th>
            {withTaskForce && <th scope="col">{t("taskForce")}</th>}
            <th scope="col">{t("started")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("outcome")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, index) => (
            <tr key={run.id}>
              <td>{isJobName(run.job) ? t(`names.${run.job}`) : run.job}</td>
              {withTaskForce && <td>{run.taskForceName}</td>}
              <td>
                <time dateTime={run.startedAt.toISOString()}>{format.dateTime(run.startedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
              </td>
              <td>{t(`statuses.${run.status}`)}</td>
              <td>{outcomes[index]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
