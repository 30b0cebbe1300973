import path from "node:path";
import { describe, expect, it } from "vitest";
import { jobsConfigFromEnv, minutesInZone } from "./jobs.config";

describe("the jobs settings", () => {
  it("default to the server running the jobs at 07:00, without backups", () => {
    expect(jobsConfigFromEnv({ NODE_ENV: "test", JOBS_TIME_ZONE: "UTC" })).toEqual({
      enabled: true,
      dailyAt: 420,
      dailyAtText: "07:00",
      timeZone: "UTC",
      backupDir: null,
      backupKeep: 14,
    });
  });

  it("read the daily time, the zone, backups and the switch", () => {
    expect(
      jobsConfigFromEnv({ NODE_ENV: "test", JOBS: "off", JOBS_DAILY_AT: "5:30", JOBS_TIME_ZONE: "Europe/Berlin", BACKUP_DIR: "backups", BACKUP_KEEP: "30" }),
    ).toEqual({ enabled: false, dailyAt: 330, dailyAtText: "05:30", timeZone: "Europe/Berlin", backupDir: path.resolve("backups"), backupKeep: 30 });
  });

  it.each([
    [{ JOBS: "sometimes" }, 'JOBS must be "on"'],
    [{ JOBS_DAILY_AT: "25:00" }, "JOBS_DAILY_AT must be a time of day as HH:MM"],
    [{ JOBS_DAILY_AT: "7pm" }, "JOBS_DAILY_AT must be a time of day as HH:MM"],
    [{ JOBS_TIME_ZONE: "Mars/Olympus" }, "JOBS_TIME_ZONE must be an IANA time zone"],
    [{ BACKUP_KEEP: "0" }, "BACKUP_KEEP must be a whole number"],
  ])("explain a wrong value in one sentence: %o", (env, message) => {
    expect(() => jobsConfigFromEnv({ NODE_ENV: "test", ...env })).toThrow(message);
  });

  it("tell the minutes after midnight in a time zone, across daylight saving", () => {
    expect(minutesInZone(new Date("2027-03-10T14:00:00Z"), "Europe/Berlin")).toBe(15 * 60);
    expect(minutesInZone(new Date("2027-03-10T14:00:00Z"), "America/Los_Angeles")).toBe(6 * 60);
    expect(minutesInZone(new Date("2027-03-15T14:00:00Z"), "America/Los_Angeles")).toBe(7 * 60);
    expect(minutesInZone(new Date("2027-03-10T00:05:00Z"), "UTC")).toBe(5);
  });
});
