import { describe, expect, it } from "vitest";
import en from "@/app/i18n/messages/en.json";
import es from "@/app/i18n/messages/es.json";
import { auditValueNames, valueGroupOf } from "./auditValues";

describe("the names of audited values", () => {
  it.each([["en", en], ["es", es]] as const)("are groups of names in the %s catalog", (_language, catalog) => {
    const groups = Object.entries(auditValueNames(catalog));
    expect(groups.length).toBeGreaterThan(10);
    for (const [group, names] of groups) {
      expect(names, group).toBeTypeOf("object");
      for (const name of Object.values(names)) expect(name, group).toBeTypeOf("string");
    }
  });

  it("follow the kind of record where one field holds another vocabulary in another record", () => {
    expect(valueGroupOf("gap", "status")).toBe("gaps.status");
    expect(valueGroupOf("meeting", "status")).toBe("meetings.status");
    expect(valueGroupOf("membership", "role")).toBe("roles");
    expect(valueGroupOf("taskForce", "name")).toBeUndefined();
  });

  it("name a requirement's template by its title, and an invitation's revoking by its reason", () => {
    const names = auditValueNames(es);
    expect(names[valueGroupOf("grantRequirement", "templateKey")!]?.["lead-pair"]).toBe(es.requirementTemplates["lead-pair"].title);
    expect(names[valueGroupOf("invitation", "reason")!]?.inviterNoLongerCoordinator).toBe(es.audit.reasons.inviterNoLongerCoordinator);
  });
});
