import { describe, expect, it } from "vitest";
import { memberBalance, type BalanceOrganization } from "./balance.rules";

const org = (overrides: Partial<BalanceOrganization>): BalanceOrganization => ({
  primaryDiscipline: "victimServices",
  additionalDisciplines: [],
  jurisdictionLevel: "local",
  membershipStatus: "active",
  ...overrides,
});

describe("member balance", () => {
  it("names the core disciplines no active member covers", () => {
    const balance = memberBalance([
      org({ primaryDiscipline: "lawEnforcementLocalState" }),
      org({ primaryDiscipline: "victimServices", additionalDisciplines: ["legalServices"] }),
      // Withdrawn agencies do not cover anything any more.
      org({ primaryDiscipline: "civilLabourEnforcement", membershipStatus: "withdrawn" }),
    ]);
    expect(balance.missingCore).toEqual(["prosecution", "civilLabourEnforcement", "survivorLeaders"]);
    expect(balance.activeCount).toBe(2);
  });

  it("counts primary disciplines once and covered disciplines for every agency that covers them", () => {
    const balance = memberBalance([
      org({ primaryDiscipline: "health", additionalDisciplines: ["victimServices"] }),
      org({ primaryDiscipline: "victimServices" }),
    ]);
    expect(balance.byDiscipline.find((row) => row.discipline === "victimServices")).toEqual({ discipline: "victimServices", primary: 1, covering: 2 });
    expect(balance.byDiscipline.find((row) => row.discipline === "health")).toEqual({ discipline: "health", primary: 1, covering: 1 });
  });

  it("groups by jurisdiction level, with agencies of unknown level counted apart", () => {
    const balance = memberBalance([org({ jurisdictionLevel: "federal" }), org({ jurisdictionLevel: null }), org({ jurisdictionLevel: "federal" })]);
    expect(balance.byJurisdiction.find((row) => row.level === "federal")?.count).toBe(2);
    expect(balance.byJurisdiction.find((row) => row.level === "unknown")?.count).toBe(1);
    expect(balance.byJurisdiction.find((row) => row.level === "local")?.count).toBe(0);
  });
});
