import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateInvitationInput } from "@/server/domains/invitations/invitations.schemas";
import { ChangePasswordInput } from "@/server/domains/account/account.schemas";
import { fieldErrorsFromZod, type FieldErrors } from "./fieldErrors";

function fieldErrors(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return fieldErrorsFromZod(result.error);
}

describe("field errors from zod", () => {
  it("turns string lengths into required / tooShort / tooLong with their limits", () => {
    const schema = z.object({ name: z.string().min(1), password: z.string().min(12), note: z.string().max(5) });
    expect(fieldErrors(schema, { name: "", password: "short", note: "too long" })).toEqual({
      name: [{ key: "required" }],
      password: [{ key: "tooShort", values: { min: 12 } }],
      note: [{ key: "tooLong", values: { max: 5 } }],
    });
  });

  it("turns number limits into tooSmall / tooBig", () => {
    const schema = z.object({ low: z.number().min(1), high: z.number().max(200) });
    expect(fieldErrors(schema, { low: 0, high: 201 })).toEqual({
      low: [{ key: "tooSmall", values: { min: 1 } }],
      high: [{ key: "tooBig", values: { max: 200 } }],
    });
  });

  it("tells a missing value from a value of the wrong type", () => {
    const schema = z.object({ a: z.string(), b: z.number(), c: z.string() });
    expect(fieldErrors(schema, { b: "seven", c: null })).toEqual({
      a: [{ key: "required" }],
      b: [{ key: "invalid" }],
      c: [{ key: "required" }],
    });
  });

  it("names formats, choices and a schema's own catalog keys", () => {
    expect(fieldErrors(CreateInvitationInput, { email: "nope", role: "member" })).toEqual({
      email: [{ key: "email" }],
      organizationId: [{ key: "organizationRequired" }],
    });
    expect(fieldErrors(CreateInvitationInput, { email: "a@example.org", role: "owner" })).toEqual({ role: [{ key: "choice" }] });
    expect(fieldErrors(z.object({ id: z.uuid() }), { id: "12" })).toEqual({ id: [{ key: "format" }] });
  });

  it("uses the refinement's key and path", () => {
    expect(fieldErrors(ChangePasswordInput, { currentPassword: "same password 1", newPassword: "same password 1" })).toEqual({
      newPassword: [{ key: "passwordUnchanged" }],
    });
  });

  it("does not pass zod's English sentences through as keys", () => {
    const errors = fieldErrors(z.object({ code: z.string().regex(/^\d+$/) }), { code: "abc" });
    expect(errors).toEqual({ code: [{ key: "format" }] });
  });

  it("joins nested paths and files form-level problems under _form", () => {
    const nested = z.object({ address: z.object({ city: z.string().min(1) }) });
    expect(fieldErrors(nested, { address: { city: "" } })).toEqual({ "address.city": [{ key: "required" }] });
    const whole = z.object({ a: z.string(), b: z.string() }).refine((value) => value.a !== value.b, { error: "mustDiffer" });
    expect(fieldErrors(whole, { a: "x", b: "x" })).toEqual({ _form: [{ key: "mustDiffer" }] });
  });

  it("collects several problems of one field in order", () => {
    const schema = z.object({ slug: z.string().min(3).regex(/^[a-z]+$/, { error: "slugFormat" }) });
    expect(fieldErrors(schema, { slug: "A" })).toEqual({ slug: [{ key: "tooShort", values: { min: 3 } }, { key: "slugFormat" }] });
  });
});
