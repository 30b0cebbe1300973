import { describe, expect, it } from "vitest";
import { dateInZone } from "@/server/lib/dates";
import { clockPlan, integrationInstant, nextOffsetChanges } from "./testClock";

const chicagoClock = (instant: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago", hourCycle: "h23", dateStyle: "short", timeStyle: "short" }).format(new Date(instant));

describe("the clock step's instants", () => {
  const now = Date.parse("2026-12-05T06:45:00Z");

  it("start every run at a coming risky moment: after midnight UTC, New Year's Eve and both daylight-saving nights", () => {
    const plan = clockPlan({ withPostgres: true }, now);
    expect(plan.unit.at).toBe("2026-12-06T00:30:00.000Z");
    expect(dateInZone(new Date(plan.unit.at), "America/Chicago")).toBe("2026-12-05");
    expect(plan.integration.at).toBe("2027-01-01T05:30:00.000Z");
    expect(plan.integrationPostgres.at).toBe("2027-03-14T07:30:00.000Z");
    expect(plan.clockStep.map((instant) => instant.at)).toEqual(["2027-03-14T07:30:00.000Z", "2027-11-07T06:30:00.000Z"]);
  });

  it("puts the integration files to each trap once: at the first daylight-saving change in the clock step only without PostgreSQL", () => {
    expect(clockPlan({ withPostgres: true }, now).clockStep.map((instant) => instant.integration)).toEqual([false, true]);
    expect(clockPlan({ withPostgres: false }, now).clockStep.map((instant) => instant.integration)).toEqual([true, true]);
  });

  it("finds the offset changes of any year, half an hour after each instant", () => {
    for (const year of [2027, 2030, 2040]) {
      const changes = nextOffsetChanges(Date.parse(`${year}-01-01T00:00:00Z`), 2).map((instant) => new Date(instant).toISOString());
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatch(new RegExp(`^${year}-03-`));
      expect(changes[1]).toMatch(new RegExp(`^${year}-11-`));
    }
  });

  it("starts PGlite's integration run on the coming New Year's Eve at 23:30 in Chicago, already next year in UTC", () => {
    expect(integrationInstant(now)).toBe("2027-01-01T05:30:00.000Z");
    expect(chicagoClock(integrationInstant(now))).toBe("2026-12-31, 23:30");
    expect(chicagoClock(integrationInstant(Date.parse("2027-12-31T20:00:00Z")))).toBe("2027-12-31, 23:30");
  });
});
