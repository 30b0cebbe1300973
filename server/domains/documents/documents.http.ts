import { z } from "zod";
import { DomainError, type MessageValues } from "@/server/errors";
import { DEFAULT_LOCALE, localeOfRequest, type Locale } from "@/server/lib/translate";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { explainError } from "@/server/trpc/errorText";
import { resolveTaskForceScope } from "@/server/trpc/scope";
import { readBodyWithin } from "@/server/lib/requestBody";
import { MAX_DOCUMENT_BYTES } from "./documents.rules";
import { attachDocument, DOCUMENT_TARGETS, documentTooLarge, getDocumentForDownload, isDocumentTarget } from "./documents.service";

/*
 * The HTTP side of documents, for the route handlers under app/api/tf/[slug]/documents: file bodies
 * do not travel through tRPC. Access is decided as for a tRPC procedure (resolveTaskForceScope) and
 * errors have the shape forms already read: { messageKey, values, fieldErrors, text }, worded in the
 * reader's language.
 */

const STATUS_OF: Record<DomainError["code"], number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
  GONE: 412,
  UNAVAILABLE: 503,
};

/** Room for the multipart envelope (boundaries, headers) around a file at the size limit. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** A refusal worded in `locale`; an instant in it reads in the task force's `timeZone` once its scope is known. */
function errorResponse(locale: Locale, status: number, messageKey: string, values: MessageValues = {}, field?: string, timeZone?: string) {
  const fieldErrors = field ? { [field]: [{ key: messageKey, values }] } : {};
  return Response.json(explainError({ messageKey, values, fieldErrors }, locale, timeZone), { status, headers: { "Cache-Control": "no-store" } });
}

function domainErrorResponse(error: DomainError, scope: TaskForceScope) {
  // Too large and wrong type have their own HTTP statuses, so clients and proxies can tell them apart.
  const status = error.messageKey === "documentTooLarge" ? 413 : error.messageKey === "documentTypeNotAllowed" ? 415 : STATUS_OF[error.code];
  return errorResponse(scope.locale ?? DEFAULT_LOCALE, status, error.messageKey, error.values, error.field, scope.timeZone);
}

async function scopeOrResponse(user: SessionUser | null, slug: string, permission: Parameters<typeof resolveTaskForceScope>[2], locale: Locale) {
  if (!user) return errorResponse(locale, 401, "signInRequired");
  const resolved = await resolveTaskForceScope(user, slug, permission, undefined, locale);
  if ("refused" in resolved) return resolved.refused === "NOT_FOUND" ? errorResponse(locale, 404, "taskForceNotFound") : errorResponse(locale, 403, "forbidden");
  return resolved.scope;
}

/**
 * POST …/documents?target=mou&recordId=<id>, multipart with one `file`. 201 with the stored
 * document's name, type and size; 413 when too large, 415 when not an allowed type.
 */
export async function handleDocumentUpload(request: Request, user: SessionUser | null, slug: string): Promise<Response> {
  const url = new URL(request.url);
  const target = url.searchParams.get("target");
  const recordId = z.uuid().safeParse(url.searchParams.get("recordId"));
  const locale = localeOfRequest(request.headers, user?.locale);
  if (!isDocumentTarget(target) || !recordId.success) return errorResponse(locale, 400, "invalidInput");
  const scope = await scopeOrResponse(user, slug, DOCUMENT_TARGETS[target].permission, locale);
  if (scope instanceof Response) return scope;
  // The limit holds while reading: refused at once when Content-Length is too large, and as soon
  // as too many bytes have arrived when there is none (a chunked upload), never read whole first.
  const body = await readBodyWithin(request, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES);
  if (!body.ok) return body.reason === "tooLarge" ? domainErrorResponse(documentTooLarge(), scope) : errorResponse(locale, 400, "invalidInput");
  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(body.bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    file = form.get("file");
  } catch {
    return errorResponse(locale, 400, "invalidInput");
  }
  if (!(file instanceof File)) return errorResponse(locale, 400, "documentMissing", {}, "file");
  try {
    const document = await attachDocument(scope, target, recordId.data, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return Response.json(document, { status: 201 });
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error, scope);
    throw error;
  }
}

/** GET …/documents/<id>: the file as an attachment, with the type it was stored under. */
export async function handleDocumentDownload(request: Request, user: SessionUser | null, slug: string, documentId: string): Promise<Response> {
  const locale = localeOfRequest(request.headers, user?.locale);
  const scope = await scopeOrResponse(user, slug, "document.read", locale);
  if (scope instanceof Response) return scope;
  if (!z.uuid().safeParse(documentId).success) return errorResponse(locale, 404, "documentNotFound");
  try {
    const document = await getDocumentForDownload(scope, documentId);
    return new Response(Buffer.from(document.content), {
      status: 200,
      headers: {
        "Content-Type": document.mediaType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error, scope);
    throw error;
  }
}
