import { describe, expect, it } from "vitest";
import {
  attendanceRate,
  coreDisciplinesAbsent,
  disciplinesPresent,
  instantToZonedTime,
  isValidTimeZone,
  monthOf,
  moveInOrder,
  quarterOf,
  undecidedItems,
  zonedTimeToInstant,
} from "./meetings.rules";

describe("time zones and wall-clock times", () => {
  it("accepts IANA zones and refuses made-up ones", () => {
    expect(isValidTimeZone("America/Chicago")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reads a wall-clock time in the meeting's zone, across daylight-saving time", () => {
    expect(zonedTimeToInstant("2026-01-15T10:00", "America/Chicago")?.toISOString()).toBe("2026-01-15T16:00:00.000Z");
    expect(zonedTimeToInstant("2026-07-15T10:00", "America/Chicago")?.toISOString()).toBe("2026-07-15T15:00:00.000Z");
    expect(zonedTimeToInstant("2026-07-15T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
    // 02:30 does not exist on 8 March 2026 in Chicago: the instant after the jump.
    expect(zonedTimeToInstant("2026-03-08T02:30", "America/Chicago")?.toISOString()).toBe("2026-03-08T08:30:00.000Z");
  });

  it("refuses impossible dates and shows an instant back as the same wall-clock time", () => {
    expect(zonedTimeToInstant("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedTimeToInstant("2026-02-10T25:00", "UTC")).toBeNull();
    expect(instantToZonedTime(new Date("2026-07-15T15:00:00Z"), "America/Chicago")).toBe("2026-07-15T10:00");
  });

  it("puts an instant in the quarter and month of the task force's clock", () => {
    // 03:00 UTC on 1 April is still 31 March in Chicago.
    const instant = new Date("2026-04-01T03:00:00Z");
    expect(quarterOf(instant, "America/Chicago")).toBe("2026-Q1");
    expect(quarterOf(instant, "UTC")).toBe("2026-Q2");
    expect(monthOf(instant, "America/Chicago")).toBe("2026-03");
  });
});

describe("attendance and discipline coverage", () => {
  it("counts present against those expected, leaving guests out", () => {
    expect(attendanceRate(["present", "present", "absent", "excused", "guest"])).toBe(0.5);
    expect(attendanceRate(["guest"])).toBeNull();
    expect(attendanceRate([])).toBeNull();
  });

  it("lists each discipline at the table once: present and guests, not absent or excused", () => {
    expect(
      disciplinesPresent([
        { status: "present", discipline: "victimServices" },
        { status: "guest", discipline: "prosecution" },
        { status: "absent", discipline: "lawEnforcementLocalState" },
        { status: "excused", discipline: "health" },
        { status: "present", discipline: "victimServices" },
        { status: "present", discipline: null },
      ]),
    ).toEqual(["prosecution", "victimServices"]);
  });

  it("flags a core discipline only when it missed each of the last three full meetings", () => {
    const core = ["lawEnforcementLocalState", "victimServices", "prosecution"];
    const meetings = [
      { presentDisciplines: ["victimServices"] },
      { presentDisciplines: ["victimServices", "prosecution"] },
      { presentDisciplines: ["victimServices"] },
      { presentDisciplines: ["lawEnforcementLocalState"] },
    ];
    expect(coreDisciplinesAbsent(core, meetings)).toEqual(["lawEnforcementLocalState"]);
    expect(coreDisciplinesAbsent(core, meetings.slice(0, 2))).toEqual([]);
    expect(coreDisciplinesAbsent(core, meetings, 4)).toEqual([]);
  });
});

describe("agenda rules", () => {
  it("carries only items that needed a decision and did not get one", () => {
    const items = [
      { id: "a", needsDecision: true },
      { id: "b", needsDecision: true },
      { id: "c", needsDecision: false },
    ];
    expect(undecidedItems(items, new Set(["a"])).map((item) => item.id)).toEqual(["b"]);
  });

  it("moves an item one place and leaves the ends alone", () => {
    expect(moveInOrder(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], 1, "down")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], 0, "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], 2, "down")).toEqual(["a", "b", "c"]);
  });
});
