import { describe, expect, it } from "vitest";
import { areaCounts, areaFromParam, areaHref, elementAnchor, nextUnanswered, type AreaOutline } from "./areas";

/** Three areas shaped like the Roadmap's: keys A–C, elements keyed "<area>.<name>". */
const AREAS: AreaOutline[] = [
  { key: "A", elements: [{ key: "A.mission" }, { key: "A.mou" }, { key: "A.protocols" }] },
  { key: "B", elements: [{ key: "B.identification" }, { key: "B.services" }] },
  { key: "C", elements: [{ key: "C.investigations" }, { key: "C.prosecution" }] },
];
const answered = (...keys: string[]) => new Set(keys);

describe("the area named by the address", () => {
  it("is the area whose key the address gives", () => {
    expect(areaFromParam(AREAS, "B")).toBe("B");
    expect(areaFromParam(AREAS, "C")).toBe("C");
  });

  it("falls back to the first area when the address names none, or one the framework lacks", () => {
    expect(areaFromParam(AREAS, null)).toBe("A");
    expect(areaFromParam(AREAS, "")).toBe("A");
    expect(areaFromParam(AREAS, "Z")).toBe("A");
    expect(areaFromParam(AREAS, "A.mou")).toBe("A");
    // Keys are compared as the framework spells them: "Ops" and "OPS" may be different areas.
    expect(areaFromParam(AREAS, "b")).toBe("A");
  });

  it("has an address of its own, with the element to scroll to when one is given", () => {
    expect(areaHref("/tf/x/assessments/1/respond", { areaKey: "B" })).toBe("/tf/x/assessments/1/respond?area=B");
    expect(areaHref("/tf/x/assessments/1/respond", { areaKey: "B", elementKey: "B.services" })).toBe("/tf/x/assessments/1/respond?area=B#element-B-services");
    expect(elementAnchor("A.mou")).toBe("element-A-mou");
  });
});

describe("answered elements per area", () => {
  it("counts each area's answered elements against its total, in the framework's order", () => {
    expect(areaCounts(AREAS, answered("A.mou", "B.identification", "B.services", "elsewhere.unknown"))).toEqual([
      { key: "A", answered: 1, total: 3 },
      { key: "B", answered: 2, total: 2 },
      { key: "C", answered: 0, total: 2 },
    ]);
  });
});

describe("the next unanswered element", () => {
  it("starts at the first element of the area shown when no element was worked on there", () => {
    expect(nextUnanswered(AREAS, answered(), { areaKey: "A", elementKey: null })).toEqual({ areaKey: "A", elementKey: "A.mission" });
    expect(nextUnanswered(AREAS, answered("B.identification"), { areaKey: "B", elementKey: null })).toEqual({ areaKey: "B", elementKey: "B.services" });
  });

  it("comes after the element last worked on, even when that one is still unanswered", () => {
    expect(nextUnanswered(AREAS, answered(), { areaKey: "A", elementKey: "A.mission" })).toEqual({ areaKey: "A", elementKey: "A.mou" });
    expect(nextUnanswered(AREAS, answered("A.mou"), { areaKey: "A", elementKey: "A.mission" })).toEqual({ areaKey: "A", elementKey: "A.protocols" });
  });

  it("goes on into the next area when the rest of this one is answered", () => {
    expect(nextUnanswered(AREAS, answered("A.mission", "A.mou", "A.protocols"), { areaKey: "A", elementKey: "A.mou" })).toEqual({
      areaKey: "B",
      elementKey: "B.identification",
    });
    expect(nextUnanswered(AREAS, answered("B.identification", "B.services"), { areaKey: "B", elementKey: null })).toEqual({
      areaKey: "C",
      elementKey: "C.investigations",
    });
  });

  it("goes round to the start after the last area, so earlier gaps are found too", () => {
    const all = AREAS.flatMap((area) => area.elements.map((element) => element.key));
    const onlyMissionLeft = answered(...all.filter((key) => key !== "A.mission"));
    expect(nextUnanswered(AREAS, onlyMissionLeft, { areaKey: "C", elementKey: "C.prosecution" })).toEqual({ areaKey: "A", elementKey: "A.mission" });
    expect(nextUnanswered(AREAS, onlyMissionLeft, { areaKey: "B", elementKey: null })).toEqual({ areaKey: "A", elementKey: "A.mission" });
    // The only element left is the one being worked on: it is the next one.
    expect(nextUnanswered(AREAS, onlyMissionLeft, { areaKey: "A", elementKey: "A.mission" })).toEqual({ areaKey: "A", elementKey: "A.mission" });
  });

  it("visits every unanswered element once when followed again and again", () => {
    const done = answered("A.mou", "C.investigations");
    const visited: string[] = [];
    let from = { areaKey: "B", elementKey: null as string | null };
    for (let step = 0; step < 5; step += 1) {
      const next = nextUnanswered(AREAS, done, from);
      if (!next) break;
      visited.push(next.elementKey);
      from = next;
    }
    expect(visited).toEqual(["B.identification", "B.services", "C.prosecution", "A.mission", "A.protocols"]);
  });

  it("is none once every element has an answer", () => {
    const all = answered(...AREAS.flatMap((area) => area.elements.map((element) => element.key)));
    expect(nextUnanswered(AREAS, all, { areaKey: "B", elementKey: "B.services" })).toBeNull();
  });

  it("starts at the beginning when the area or element named is not in the framework", () => {
    expect(nextUnanswered(AREAS, answered(), { areaKey: "Z", elementKey: "Z.gone" })).toEqual({ areaKey: "A", elementKey: "A.mission" });
  });
});
