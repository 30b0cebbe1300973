import { describe, expectTypeOf, it } from "vitest";
import type { getPortfolio } from "@/server/domains/funder/funder.service";
import type { listGapsOf } from "@/server/domains/gaps/gaps.service";
import type { FunderScope, TaskForceScope } from "./context";

/*
 * The two scopes cannot stand in for each other: a portfolio read must not be handed one task
 * force's scope, nor a task force's service a funder's portfolio. These are type checks: the
 * type-checker (`npx tsc --noEmit`, part of every check) fails on them, the test runner does not.
 */
describe("the funder's scope and a task force's scope", () => {
  it("are not interchangeable", () => {
    expectTypeOf<TaskForceScope>().not.toExtend<FunderScope>();
    expectTypeOf<FunderScope>().not.toExtend<TaskForceScope>();
    expectTypeOf<Parameters<typeof getPortfolio>[0]>().toEqualTypeOf<FunderScope>();
    expectTypeOf<FunderScope>().not.toExtend<Parameters<typeof listGapsOf>[0]>();
  });
});
