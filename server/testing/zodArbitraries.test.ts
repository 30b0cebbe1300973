import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileArbitrary, procedureInputArbitrary, validArbitrary, type FuzzPools } from "./zodArbitraries";

/* The fuzz suite's deriver: valid values pass their schema, hostile ones mostly do not. */

const pools: FuzzPools = { ids: ["0b6f3c1e-8a2d-4c57-9e3f-2a1b4c5d6e7f"], slugs: ["home-tf"] };

const schemas = {
  text: z.object({ name: z.string().trim().min(3).max(120), note: z.string().max(10).optional() }),
  slug: z.object({ taskForceSlug: z.string().min(1).max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) }),
  ids: z.object({ id: z.uuid(), others: z.array(z.uuid()).min(1).max(3) }),
  email: z.object({ email: z.email().max(320) }),
  numbers: z.object({ count: z.number().int().min(0).max(10_000_000), rate: z.number().gt(0).lt(1) }),
  choices: z.object({ role: z.enum(["coordinator", "viewer"]), kind: z.literal("mou"), flag: z.boolean() }),
  nullable: z.object({ dueOn: z.iso.date().nullable(), answer: z.union([z.number().int().min(1).max(5), z.literal("dk")]) }),
  intersection: z.object({ email: z.email() }).and(z.object({ role: z.enum(["viewer"]) })),
  defaults: z.object({ limit: z.number().int().min(1).max(50).default(20), tags: z.record(z.string().max(5), z.number()).optional() }),
};

describe("validArbitrary", () => {
  it.each(Object.entries(schemas))("derives values that pass the %s schema", (_name, schema) => {
    fc.assert(
      fc.property(validArbitrary(schema, pools), (value) => {
        expect(schema.safeParse(value).error?.issues).toBeUndefined();
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("uses the pools for task-force slugs and, mostly, ids", () => {
    const values = fc.sample(validArbitrary(schemas.ids.extend({ taskForceSlug: z.string() }), pools), { seed: 3, numRuns: 100 }) as { id: string; taskForceSlug: string }[];
    expect(new Set(values.map((value) => value.taskForceSlug))).toEqual(new Set(["home-tf"]));
    expect(values.filter((value) => value.id === pools.ids[0]).length).toBeGreaterThan(50);
  });
});

describe("hostileArbitrary", () => {
  it.each(Object.entries(schemas))("derives values that mostly fail the %s schema", (_name, schema) => {
    const values = fc.sample(hostileArbitrary(schema, pools), { seed: 11, numRuns: 100 });
    const failing = values.filter((value) => !schema.safeParse(value).success);
    expect(failing.length).toBeGreaterThan(60);
  });

  it("includes huge text, deep nesting and wrong types", () => {
    const values = fc.sample(hostileArbitrary(z.object({ name: z.string().max(10), items: z.array(z.string()) }), pools), { seed: 5, numRuns: 400 });
    const fields = values.flatMap((value) => (typeof value === "object" && value !== null ? Object.values(value) : [value]));
    expect(fields.some((field) => typeof field === "string" && field.length > 1_000_000)).toBe(true);
    expect(fields.some((field) => Array.isArray(field) && Array.isArray(field[0]))).toBe(true);
    expect(fields.some((field) => typeof field === "number")).toBe(true);
  });
});

describe("procedureInputArbitrary", () => {
  it("merges the input parsers of a procedure, as tRPC does", () => {
    const inputs = [schemas.slug, schemas.choices];
    const values = fc.sample(procedureInputArbitrary(inputs, pools), { seed: 9, numRuns: 300 });
    const merged = schemas.slug.extend(schemas.choices.shape);
    expect(values.some((value) => merged.safeParse(value).success)).toBe(true);
    expect(values.some((value) => !merged.safeParse(value).success)).toBe(true);
  });
});
