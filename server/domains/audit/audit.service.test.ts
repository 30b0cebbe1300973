import { describe, expect, it } from "vitest";
import { changedFields } from "./audit.service";

describe("changedFields", () => {
  it("records every field of a new record as changed from null", () => {
    expect(changedFields(null, { name: "Metro PD", discipline: "lawEnforcementLocalState" })).toEqual({
      name: { from: null, to: "Metro PD" },
      discipline: { from: null, to: "lawEnforcementLocalState" },
    });
  });

  it("leaves out fields that did not change", () => {
    expect(changedFields({ name: "A", timeZone: "UTC" }, { name: "B", timeZone: "UTC" })).toEqual({ name: { from: "A", to: "B" } });
    expect(changedFields({ name: "A" }, { name: "A" })).toEqual({});
  });

  it("looks only at the fields of the new version", () => {
    expect(changedFields<{ id: string; name: string; role: string }>({ id: "1", name: "A", role: "viewer" }, { role: "funder" })).toEqual({ role: { from: "viewer", to: "funder" } });
  });

  it("treats undefined and null alike", () => {
    const before: { organizationId?: string | null } = {};
    expect(changedFields(before, { organizationId: null })).toEqual({});
    expect(changedFields({ organizationId: "org-1" }, { organizationId: undefined })).toEqual({ organizationId: { from: "org-1", to: null } });
  });

  it("compares dates and nested values by content, not identity", () => {
    const when = "2025-03-01T12:00:00.000Z";
    expect(changedFields({ at: new Date(when), tags: ["a"] }, { at: new Date(when), tags: ["a"] })).toEqual({});
    expect(changedFields({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual({ tags: { from: ["a"], to: ["a", "b"] } });
  });

  it("keeps false and 0 as values rather than absence", () => {
    expect(changedFields({ active: true, count: 1 }, { active: false, count: 0 })).toEqual({
      active: { from: true, to: false },
      count: { from: 1, to: 0 },
    });
  });
});
