import { eq } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { gaps } from "./schema";
import { onlyRow, scoped } from "./rows";

const dialect = new PgDialect();

describe("the tenant condition", () => {
  it("puts the task force first and keeps every further condition that is given", () => {
    const query = dialect.sqlToQuery(scoped(gaps, "tf-1", eq(gaps.id, "gap-1"), undefined, eq(gaps.status, "open")));
    expect(query.sql).toBe('("gaps"."task_force_id" = $1 and "gaps"."id" = $2 and "gaps"."status" = $3)');
    expect(query.params).toEqual(["tf-1", "gap-1", "open"]);
  });

  it("is the task force alone when nothing else is asked", () => {
    const query = dialect.sqlToQuery(scoped(gaps, "tf-1"));
    expect(query.sql).toBe('"gaps"."task_force_id" = $1');
    expect(query.params).toEqual(["tf-1"]);
  });
});

describe("the one row a write gave back", () => {
  it("is the first row, and an empty result is an error naming what was written", () => {
    expect(onlyRow([{ id: "a" }], "gap insert")).toEqual({ id: "a" });
    expect(() => onlyRow([], "gap insert")).toThrow("gap insert returned nothing");
  });
});
