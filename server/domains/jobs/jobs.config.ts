import path from "node:path";
import { ConfigError } from "@/db/config";
import { dateTimeFormat } from "@/server/lib/dates";

/*
 * The deployment's settings for scheduled work, from the environment (README, "Scheduled jobs"):
 *
 *   JOBS            on (default) runs the daily jobs inside the server; off leaves them to cron
 *   JOBS_DAILY_AT   HH:MM, default 07:00: the reminder digest goes out at this time in each task
 *                   force's own time zone, the nightly backup at this time in JOBS_TIME_ZONE
 *   JOBS_TIME_ZONE  IANA zone of instance-wide jobs (backups); default the server's own zone
 *   BACKUP_DIR      a folder: switches nightly backups on
 *   BACKUP_KEEP     how many nightly backups to keep in BACKUP_DIR (default 14)
 */

export interface JobsConfig {
  enabled: boolean;
  /** Minutes after local midnight. */
  dailyAt: number;
  dailyAtText: string;
  timeZone: string;
  backupDir: string | null;
  backupKeep: number;
}

export const DEFAULT_DAILY_AT = "07:00";
export const DEFAULT_BACKUP_KEEP = 14;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function jobsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  const switchValue = env.JOBS?.trim().toLowerCase() || "on";
  if (!["on", "off"].includes(switchValue)) throw new ConfigError(`JOBS must be "on" (the server runs the daily jobs) or "off" (cron runs them), not "${env.JOBS}".`);
  const dailyAtText = env.JOBS_DAILY_AT?.trim() || DEFAULT_DAILY_AT;
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(dailyAtText);
  if (!match) throw new ConfigError(`JOBS_DAILY_AT must be a time of day as HH:MM, such as 07:00 (got "${dailyAtText}").`);
  const timeZone = env.JOBS_TIME_ZONE?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  if (!validZone(timeZone)) throw new ConfigError(`JOBS_TIME_ZONE must be an IANA time zone such as Europe/Berlin or America/Chicago (got "${timeZone}").`);
  const keepText = env.BACKUP_KEEP?.trim() || String(DEFAULT_BACKUP_KEEP);
  if (!/^\d{1,4}$/.test(keepText) || Number(keepText) < 1) throw new ConfigError(`BACKUP_KEEP must be a whole number of backups to keep, at least 1 (got "${keepText}").`);
  const backupDir = env.BACKUP_DIR?.trim();
  return {
    enabled: switchValue === "on",
    dailyAt: Number(match[1]) * 60 + Number(match[2]),
    dailyAtText: `${match[1]!.padStart(2, "0")}:${match[2]}`,
    timeZone,
    backupDir: backupDir ? path.resolve(/* turbopackIgnore: true */ backupDir) : null,
    backupKeep: Number(keepText),
  };
}

/** Minutes after midnight at `instant` in `timeZone`. */
export function minutesInZone(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}
