import fc from "fast-check";
import type { z } from "zod";

/*
 * fast-check arbitraries derived from zod 4 schemas, for the fuzz suite (server/trpc/fuzz.int.test.ts).
 * `zod-fast-check` supports only zod 3 and fast-check 3, so this small deriver reads zod 4's schema
 * definitions (`schema._zod.def`) itself. It covers what the procedures' inputs use: object, string
 * (min/max length, regex, uuid, email, url, ISO date), number and integer with bounds, boolean,
 * enum, literal, array, optional, nullable, default, union, intersection, pipe/transform, record,
 * date and lazy. Refinements (`.refine`, `.superRefine`) are not inverted: a value may fail them,
 * which the suite treats like any other invalid input.
 */

/** Values the deriver draws from for ids and task forces, so calls reach real records of both tenants. */
export interface FuzzPools {
  /** uuids of existing records (the caller's own task force and another's). */
  ids: readonly string[];
  /** Task-force slugs to name in `taskForceSlug`. */
  slugs: readonly string[];
}

type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  items?: z.ZodType[];
};
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number | bigint; inclusive?: boolean; format?: string; pattern?: RegExp };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

interface Bounds {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  integer: boolean;
  patterns: RegExp[];
  format?: string;
}

function boundsOf(def: Def): Bounds {
  const bounds: Bounds = { integer: def.format === "safeint" || def.format === "int32", patterns: [], format: def.format };
  if (def.pattern && def.format !== "regex") bounds.patterns.push(def.pattern);
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length" || c.check === "length_equals") bounds.min = Math.max(bounds.min ?? 0, c.minimum ?? Number(c.value ?? 0));
    if (c.check === "max_length" || c.check === "length_equals") bounds.max = Math.min(bounds.max ?? Infinity, c.maximum ?? Number(c.value ?? Infinity));
    if (c.check === "greater_than") [bounds.min, bounds.exclusiveMin] = [Number(c.value), !c.inclusive];
    if (c.check === "less_than") [bounds.max, bounds.exclusiveMax] = [Number(c.value), !c.inclusive];
    if (c.check === "number_format" && (c.format === "safeint" || c.format === "int32")) bounds.integer = true;
    if (c.check === "string_format" && c.pattern) {
      bounds.patterns.push(c.pattern);
      bounds.format ??= c.format;
    }
  }
  return bounds;
}

const MAX_DEPTH = 6;

/* ---------- valid and boundary values ---------- */

function validString(bounds: Bounds, pools: FuzzPools, key: string | undefined): fc.Arbitrary<string> {
  const min = bounds.min ?? 0;
  const max = Math.min(bounds.max ?? 200, min + 200);
  // Length bounds and every pattern (zod's own for uuid, email, ISO dates; the schema's regexes).
  const fits = (text: string) =>
    text.length >= min && text.length <= (bounds.max ?? Infinity) && bounds.patterns.every((p) => new RegExp(p.source, p.flags.replace("g", "")).test(text));
  if (key === "taskForceSlug" && pools.slugs.length) return fc.constantFrom(...pools.slugs);
  if (bounds.format === "uuid" || bounds.format === "guid") {
    return pools.ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...pools.ids), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
  }
  if (bounds.format === "email") return fc.emailAddress().filter(fits);
  if (bounds.format === "url") return fc.oneof(fc.webUrl(), fc.constantFrom("https://example.org/evidence", "http://example.org/a?b=c"));
  const pattern = bounds.patterns[0];
  if (pattern) {
    return fc.stringMatching(pattern).filter(fits);
  }
  return fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 40), unit: "grapheme" }).filter(fits), weight: 4 },
    // Boundaries: exactly the shortest and the longest allowed.
    { arbitrary: fc.constant("x".repeat(Math.max(min, 1))).filter(fits), weight: 1 },
    { arbitrary: fc.constant("é".repeat(Math.min(bounds.max ?? 1000, 10_000))).filter(fits), weight: 1 },
  );
}

function validNumber(bounds: Bounds): fc.Arbitrary<number> {
  if (bounds.integer) {
    const min = Math.max(Math.ceil((bounds.min ?? -1_000_000) + (bounds.exclusiveMin ? 1 : 0)), Number.MIN_SAFE_INTEGER);
    const max = Math.min(Math.floor((bounds.max ?? 1_000_000) - (bounds.exclusiveMax ? 1 : 0)), Number.MAX_SAFE_INTEGER);
    if (min > max) return fc.constant(min);
    return fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 4 }, { arbitrary: fc.constantFrom(min, max), weight: 1 });
  }
  const min = bounds.min ?? -1_000_000;
  const max = bounds.max ?? 1_000_000;
  return fc.oneof(
    { arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: bounds.exclusiveMin, maxExcluded: bounds.exclusiveMax }), weight: 4 },
    { arbitrary: fc.constantFrom(...[bounds.exclusiveMin ? undefined : min, bounds.exclusiveMax ? undefined : max].filter((v): v is number => v !== undefined), (min + max) / 2), weight: 1 },
  );
}

/** A value meant to pass `schema` (boundaries included), drawing ids and slugs from `pools`. */
export function validArbitrary(schema: z.ZodType, pools: FuzzPools, depth = 0, key?: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return fc.constant(undefined);
  const next = (inner: z.ZodType, innerKey = key) => validArbitrary(inner, pools, depth + 1, innerKey);
  switch (def.type) {
    case "string":
      return validString(boundsOf(def), pools, key);
    case "number":
      return validNumber(boundsOf(def));
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "object": {
      const shape = def.shape ?? {};
      return fc.record(Object.fromEntries(Object.entries(shape).map(([name, child]) => [name, next(child, name)])));
    }
    case "array": {
      const bounds = boundsOf(def);
      const min = bounds.min ?? 0;
      return fc.array(next(def.element as z.ZodType), { minLength: min, maxLength: Math.min(bounds.max ?? 4, min + 4) });
    }
    case "tuple":
      return fc.tuple(...(def.items ?? []).map((item) => next(item)));
    case "record":
      return fc.dictionary(next(def.keyType as z.ZodType) as fc.Arbitrary<string>, next(def.valueType as z.ZodType), { maxKeys: 4 });
    case "optional":
    case "default":
    case "prefault":
      return fc.oneof({ arbitrary: next(def.innerType as z.ZodType), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 });
    case "nullable":
      return fc.oneof({ arbitrary: next(def.innerType as z.ZodType), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return next(def.innerType as z.ZodType);
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => next(option)));
    case "intersection":
      return fc.tuple(next(def.left as z.ZodType), next(def.right as z.ZodType)).map(([left, right]) => merge(left, right));
    case "pipe":
      return next(def.in as z.ZodType);
    case "lazy":
      return next((def.getter as () => z.ZodType)());
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function merge(left: unknown, right: unknown): unknown {
  return isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : right;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/* ---------- hostile values ---------- */

/** Nested `depth` levels deep, as arrays or objects: parsers that recurse without a limit overflow their stack on it. */
export function deeplyNested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = kind === "array" ? [value] : { a: value, value };
  return value;
}


const HOSTILE_TEXT = [
  "",
  " ",
  "\u0000",
  "\u202Eevil\u202C",
  "\u200B\u200D\uFEFF",
  "👩‍👩‍👧‍👦".repeat(50),
  "\uD800",
  "'; DROP TABLE users; --",
  "%s%n%x",
  "../../../etc/passwd",
  "<script>alert(1)</script>",
  "=HYPERLINK(\"http://example.org\")",
  "__proto__",
  "constructor",
  "0000-00-00",
  "9999-12-31",
  "2026-02-30",
  "NaN",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

/** Values of the wrong type for a field (a missing field is tried separately). */
const wrongValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, NaN, Infinity, -Infinity, 2 ** 53, -0, 1e308, [], {}, [null], new Date(Number.NaN)),
  fc.integer(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** A whole input of the wrong kind, including none at all. */
const wrongTypes: fc.Arbitrary<unknown> = fc.oneof(fc.constant(undefined), wrongValues);

// Built once and shared: the arbitraries of every field of every procedure refer to the same values.
const HUGE_TEXT = "A".repeat(1_000_001);
const LONG_ARRAY = Array.from({ length: 10_000 }, () => "x");
const DEEP_ARRAY = deeplyNested(5_000, "array");
const DEEP_OBJECT = deeplyNested(5_000, "object");

function hostileLeaf(def: Def, pools: FuzzPools): fc.Arbitrary<unknown> {
  switch (def.type) {
    case "string": {
      const max = boundsOf(def).max;
      return fc.oneof(
        fc.constantFrom(...HOSTILE_TEXT),
        // Far over any limit: a megabyte and a bit, and just over this field's own limit.
        fc.constant(HUGE_TEXT),
        fc.constant(null).map(() => "𝕏".repeat(Math.min((max ?? 1000) + 1, 2_000_000))),
        fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
        fc.uuid(),
        pools.ids.length ? fc.constantFrom(...pools.ids) : fc.uuid(),
      );
    }
    case "number":
      return fc.constantFrom(NaN, Infinity, -Infinity, -1, -0, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31);
    case "array":
      return fc.constantFrom(LONG_ARRAY, DEEP_ARRAY);
    case "object":
      return fc.oneof(
        fc.constant(DEEP_OBJECT),
        fc.constant(JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": true}}}')),
      );
    case "date":
      return fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15));
    default:
      return wrongValues;
  }
}

/**
 * A value meant to fail `schema`: a valid value with one field (at any depth) replaced by something
 * hostile — wrong type, huge or strange text, a number out of range, deep nesting, an id of another
 * tenant's record — or a wholly wrong value.
 */
export function hostileArbitrary(schema: z.ZodType, pools: FuzzPools, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const whole = fc.oneof(wrongValues, hostileLeaf(def, pools));
  if (depth > MAX_DEPTH) return whole;
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      if (keys.length === 0) return whole;
      const oneFieldBroken = fc.oneof(
        ...keys.map((key) =>
          fc.tuple(validArbitrary(schema, pools, depth), hostileArbitrary(shape[key] as z.ZodType, pools, depth + 1)).map(([value, bad]) => ({ ...(value as object), [key]: bad })),
        ),
      );
      const missingField = fc.tuple(validArbitrary(schema, pools, depth), fc.constantFrom(...keys)).map(([value, key]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[key];
        return copy;
      });
      return fc.oneof({ arbitrary: oneFieldBroken, weight: 6 }, { arbitrary: missingField, weight: 1 }, { arbitrary: whole, weight: 1 });
    }
    case "array": {
      const element = def.element as z.ZodType;
      return fc.oneof(fc.array(hostileArbitrary(element, pools, depth + 1), { minLength: 1, maxLength: 3 }), whole);
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return hostileArbitrary(def.innerType as z.ZodType, pools, depth + 1);
    case "pipe":
      return hostileArbitrary(def.in as z.ZodType, pools, depth + 1);
    case "intersection":
      return fc.tuple(hostileArbitrary(def.left as z.ZodType, pools, depth + 1), validArbitrary(def.right as z.ZodType, pools, depth + 1)).map(([left, right]) => merge(right, left));
    case "union":
      return fc.oneof(...(def.options ?? []).map((option) => hostileArbitrary(option, pools, depth + 1)));
    default:
      return whole;
  }
}

/**
 * Inputs for a procedure whose input parsers are `inputs` (tRPC merges several object parsers, as
 * taskForceProcedure's `{ taskForceSlug }` and the procedure's own): mostly valid and boundary
 * values, often with one hostile field, sometimes wholly wrong.
 */
export function procedureInputArbitrary(inputs: readonly z.ZodType[], pools: FuzzPools): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return fc.oneof(fc.constant(undefined), wrongTypes);
  const valid = fc.tuple(...inputs.map((input) => validArbitrary(input, pools))).map((parts) => parts.reduce(merge, {}));
  const hostile = fc
    .tuple(fc.integer({ min: 0, max: inputs.length - 1 }), ...inputs.map((input) => validArbitrary(input, pools)), ...inputs.map((input) => hostileArbitrary(input, pools)))
    .map(([broken, ...values]) => {
      const parts = values.slice(0, inputs.length).map((part, index) => (index === broken ? values[inputs.length + index] : part));
      return parts.reduce(merge, {});
    });
  return fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: hostile, weight: 3 }, { arbitrary: wrongTypes, weight: 1 });
}
