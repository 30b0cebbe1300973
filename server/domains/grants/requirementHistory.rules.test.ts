import { describe, expect, it } from "vitest";
import type { RequirementStatus } from "./grants.rules";
import {
  backfilledChanges,
  changeDays,
  historyDates,
  onLocalDays,
  progressOn,
  progressSummary,
  reconstructedOn,
  statusesAsOf,
  type AuditedChange,
} from "./requirementHistory.rules";

const change = (requirementId: string, sequence: number, status: RequirementStatus, day: string) => ({ requirementId, sequence, status, day });

describe("the local day of a change", () => {
  it("is the task force's date, not UTC's, on either side of midnight", () => {
    // 04:30 UTC on 1 July is still 30 June in Chicago (UTC-5 in summer), and already 1 July at 18:30 in Kiritimati (UTC+14).
    const late = { changedAt: new Date("2026-07-01T04:30:00Z") };
    expect(onLocalDays([late], "America/Chicago")[0]?.day).toBe("2026-06-30");
    expect(onLocalDays([late], "Pacific/Kiritimati")[0]?.day).toBe("2026-07-01");
    // 10:30 UTC on 30 June is already 1 July in Kiritimati.
    expect(onLocalDays([{ changedAt: new Date("2026-06-30T10:30:00Z") }], "Pacific/Kiritimati")[0]?.day).toBe("2026-07-01");
  });
});

describe("statuses as of a day", () => {
  const changes = [
    change("a", 1, "not_started", "2026-01-10"),
    change("a", 2, "in_progress", "2026-03-01"),
    change("a", 3, "met", "2026-06-30"),
    change("b", 1, "not_started", "2026-04-01"),
    // Two changes of one day (a change and its correction): the later one in sequence counts.
    change("b", 2, "met", "2026-05-05"),
    change("b", 3, "in_progress", "2026-05-05"),
  ];
  const statusOn = (date: string) => Object.fromEntries([...statusesAsOf(changes, date)].map(([id, held]) => [id, held.status]));

  it("takes each requirement's latest change on or before the day, and leaves out those not created yet", () => {
    expect(statusOn("2026-01-09")).toEqual({});
    expect(statusOn("2026-01-10")).toEqual({ a: "not_started" });
    expect(statusOn("2026-04-01")).toEqual({ a: "in_progress", b: "not_started" });
    expect(statusOn("2026-05-05")).toEqual({ a: "in_progress", b: "in_progress" });
    // A change on the day counts at the end of that day.
    expect(statusOn("2026-06-29")).toEqual({ a: "in_progress", b: "in_progress" });
    expect(statusOn("2026-06-30")).toEqual({ a: "met", b: "in_progress" });
  });

  it("does not depend on the order the changes come in", () => {
    expect(Object.fromEntries([...statusesAsOf([...changes].reverse(), "2026-05-05")].map(([id, held]) => [id, held.status]))).toEqual({ a: "in_progress", b: "in_progress" });
  });

  it("counts requirements by status on each day", () => {
    const [before, after] = progressOn(changes, ["2026-01-09", "2026-06-30"]);
    expect(before).toEqual({ date: "2026-01-09", progress: { total: 0, met: 0, inProgress: 0, notStarted: 0, notApplicable: 0, share: null } });
    expect(after).toEqual({ date: "2026-06-30", progress: { total: 2, met: 1, inProgress: 1, notStarted: 0, notApplicable: 0, share: 0.5 } });
  });
});

describe("the days a history is shown on", () => {
  const award = { periodStart: "2025-10-01", periodEnd: "2028-09-30", reportingCadence: "semiannual" as const };

  it("are the ends of the reporting periods that have ended, then today", () => {
    expect(historyDates(award, "2026-11-28")).toEqual([
      { date: "2025-12-31", kind: "periodEnd", periodStart: "2025-10-01" },
      { date: "2026-06-30", kind: "periodEnd", periodStart: "2026-01-01" },
      { date: "2026-11-28", kind: "today", periodStart: null },
    ]);
    // On a period's last day it has not ended yet: today stands for it.
    expect(historyDates(award, "2026-06-30").map((point) => point.kind)).toEqual(["periodEnd", "today"]);
  });

  it("end with the award's last day once it is over, and are today alone before it begins", () => {
    const ended = historyDates(award, "2029-02-01");
    expect(ended).toHaveLength(7);
    expect(ended.at(-1)).toEqual({ date: "2028-09-30", kind: "periodEnd", periodStart: "2028-07-01" });
    expect(historyDates(award, "2025-09-15")).toEqual([{ date: "2025-09-15", kind: "today", periodStart: null }]);
  });

  it("are every day something changed, up to today, for the finest series", () => {
    const changes = [change("a", 1, "not_started", "2026-01-10"), change("b", 1, "met", "2026-01-10"), change("a", 2, "met", "2026-02-02")];
    expect(changeDays(changes, "2026-03-01")).toEqual(["2026-01-10", "2026-02-02", "2026-03-01"]);
    expect(changeDays(changes, "2026-02-02")).toEqual(["2026-01-10", "2026-02-02"]);
    expect(changeDays([], "2026-02-02")).toEqual(["2026-02-02"]);
  });
});

describe("the written summary of a series", () => {
  const point = (date: string, met: number, total: number, notApplicable = 0) => ({
    date,
    progress: { total, met, inProgress: total - met - notApplicable, notStarted: 0, notApplicable, share: null },
  });

  it("says the applicable requirements met on the first day with requirements and on the last", () => {
    expect(progressSummary([point("2025-12-31", 0, 0), point("2026-06-30", 4, 16), point("2026-11-28", 11, 17, 1)])).toEqual({
      since: "2026-06-30",
      metThen: 4,
      metNow: 11,
      applicable: 16,
      single: false,
    });
  });

  it("tells a single day apart, and has nothing to say without requirements", () => {
    expect(progressSummary([point("2026-11-28", 3, 16)])).toMatchObject({ since: "2026-11-28", metThen: 3, metNow: 3, single: true });
    expect(progressSummary([point("2026-11-28", 0, 0)])).toBeNull();
    expect(progressSummary([])).toBeNull();
  });
});

describe("the past of a requirement recorded for the first time", () => {
  const createdAt = new Date("2026-02-01T15:00:00Z");
  const entry = (action: string, changes: AuditedChange["changes"], at: string, actorUserId: string | null = "coordinator"): AuditedChange => ({
    action,
    actorUserId,
    changes,
    createdAt: new Date(at),
  });
  const handSet = (status: RequirementStatus) => ({ createdAt, status, computed: false, overrideReason: null });

  it("replays a hand-set requirement's audit entries: created not started, then each change of its status", () => {
    const trail = [
      entry("create", { title: { from: null, to: "Mission statement" } }, "2026-02-01T15:00:00Z"),
      entry("update", { status: { from: "not_started", to: "in_progress" } }, "2026-03-02T16:00:00Z", "member-coordinator"),
      entry("update", { title: { from: "Mission statement", to: "Mission and goals" } }, "2026-03-05T16:00:00Z"),
      entry("update", { status: { from: "in_progress", to: "met" } }, "2026-05-20T16:00:00Z"),
    ];
    expect(backfilledChanges(handSet("met"), trail)).toEqual([
      { status: "not_started", changedAt: new Date("2026-02-01T15:00:00Z"), who: "coordinator", reason: null },
      { status: "in_progress", changedAt: new Date("2026-03-02T16:00:00Z"), who: "member-coordinator", reason: null },
      { status: "met", changedAt: new Date("2026-05-20T16:00:00Z"), who: "coordinator", reason: null },
    ]);
  });

  it("starts from the status a creation names (the demo's requirements are created with one)", () => {
    expect(backfilledChanges(handSet("met"), [entry("create", { status: { from: null, to: "met" } }, "2026-02-01T15:00:00Z", null)])).toEqual([
      { status: "met", changedAt: new Date("2026-02-01T15:00:00Z"), who: null, reason: null },
    ]);
  });

  it("falls back to today's status at creation when the log does not tell the whole story", () => {
    const now = [{ status: "met", changedAt: createdAt, who: null, reason: null }];
    // The log ends at another status than the requirement shows: incomplete (e.g. edited outside the app).
    expect(backfilledChanges(handSet("met"), [entry("create", {}, "2026-02-01T15:00:00Z"), entry("update", { status: { from: "not_started", to: "in_progress" } }, "2026-03-01T00:00:00Z")])).toEqual(now);
    // No creation entry (an imported requirement).
    expect(backfilledChanges(handSet("met"), [entry("update", { status: { from: "in_progress", to: "met" } }, "2026-03-01T00:00:00Z")])).toEqual(now);
    // A value the log holds that is no status at all is not replayed.
    expect(backfilledChanges(handSet("met"), [entry("create", {}, "2026-02-01T15:00:00Z"), entry("update", { status: { from: "not_started", to: "done" } }, "2026-03-01T00:00:00Z")])).toEqual(now);
  });

  it("gives a computed requirement one row at its creation with the status it shows now (its past results were never logged)", () => {
    const overridden = { createdAt, status: "in_progress" as const, computed: true, overrideReason: "The US Attorney's Office has not joined yet." };
    expect(backfilledChanges(overridden, [entry("create", {}, "2026-02-01T15:00:00Z"), entry("override", { overrideStatus: { from: null, to: "in_progress" } }, "2026-03-01T00:00:00Z")])).toEqual([
      { status: "in_progress", changedAt: createdAt, who: null, reason: "The US Attorney's Office has not joined yet." },
    ]);
  });

  it("dates the reconstruction by the latest backfilled row's recording, in the task force's zone", () => {
    const recordedAt = new Date("2026-07-01T03:00:00Z");
    expect(reconstructedOn([{ source: "backfill", recordedAt }, { source: "computed", recordedAt: new Date("2026-08-01T12:00:00Z") }], "America/Chicago")).toBe("2026-06-30");
    expect(reconstructedOn([{ source: "manual", recordedAt }], "America/Chicago")).toBeNull();
  });
});
