import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/server/errors";
import { fieldErrorsFromZod, type FieldErrors } from "@/server/trpc/fieldErrors";

/* What a failed call tells its caller: the tRPC error, the domain error behind it, the field errors. */

/** Awaits a call expected to fail and returns the TRPCError, failing the test if it succeeded. */
export async function trpcErrorOf(call: Promise<unknown>, expectedCode?: TRPC_ERROR_CODE_KEY): Promise<TRPCError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (expectedCode && error.code !== expectedCode) {
      throw new Error(`Expected ${expectedCode} but got ${error.code}: ${error.message}`, { cause: error });
    }
    return error;
  }
  throw new Error(`Expected the call to fail${expectedCode ? ` with ${expectedCode}` : ""}, but it returned ${JSON.stringify(result)}`);
}

/** The domain error behind a TRPCError, as `{ code, messageKey, values, field }`. */
export function domainErrorOf(error: TRPCError): { code: DomainErrorCode; messageKey: string; values: Record<string, unknown>; field: string | undefined } {
  const cause = error.cause;
  if (!(cause instanceof DomainError)) throw new Error(`Expected a DomainError cause, got ${String(cause)}`, { cause: error });
  return { code: cause.code, messageKey: cause.messageKey, values: cause.values, field: cause.field };
}

/** Awaits a service call expected to throw a DomainError and returns it. */
export async function domainErrorFrom(call: Promise<unknown>): Promise<DomainError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("Expected a DomainError, but the call succeeded");
}

/** The field errors a form would show for a failed call, as the error formatter in init.ts builds them. */
export function fieldErrorsOf(error: TRPCError): FieldErrors {
  const cause = error.cause;
  if (cause instanceof ZodError) return fieldErrorsFromZod(cause);
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [{ key: cause.messageKey, values: cause.values }] };
  return {};
}
