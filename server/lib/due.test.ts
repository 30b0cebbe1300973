import { describe, expect, it } from "vitest";
import { addDays, dateInZone } from "./dates";
import { dueState } from "./due";

describe("due dates", () => {
  it("reads today in the task force's time zone", () => {
    const now = new Date("2026-03-10T03:30:00Z");
    expect(dateInZone(now, "America/Chicago")).toBe("2026-03-09");
    expect(dateInZone(now, "Europe/Berlin")).toBe("2026-03-10");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-02-26", 7)).toBe("2026-03-05");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("classifies overdue, due within 7 days, later and nothing", () => {
    const today = "2026-03-10";
    expect(dueState("2026-03-09", today, false)).toBe("overdue");
    expect(dueState("2026-03-10", today, false)).toBe("dueSoon");
    expect(dueState("2026-03-17", today, false)).toBe("dueSoon");
    expect(dueState("2026-03-18", today, false)).toBe("later");
    expect(dueState(null, today, false)).toBe("none");
    expect(dueState("2026-03-01", today, true)).toBe("none");
  });

  it("the same instant is overdue in one zone and due today in another", () => {
    const now = new Date("2026-03-10T03:30:00Z");
    expect(dueState("2026-03-09", dateInZone(now, "America/Chicago"), false)).toBe("dueSoon");
    expect(dueState("2026-03-09", dateInZone(now, "Europe/Berlin"), false)).toBe("overdue");
  });
});
