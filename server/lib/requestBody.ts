/*
 * Request bodies read with a size limit that holds while reading. `request.json()`, `.text()` and
 * `.formData()` read a body whole, however large: a chunked upload has no Content-Length to check
 * beforehand, so without this one request could fill the server's memory.
 */

export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "tooLarge" | "unreadable" };

/**
 * The body's bytes, or `tooLarge` as soon as more than `maxBytes` have arrived (or when the declared
 * Content-Length already says so, before reading anything). Reading stops there and the rest of the
 * stream is cancelled, so at most `maxBytes` plus one chunk is ever held in memory.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "tooLarge" };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: "tooLarge" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The same request with its body already read, for handlers that expect a Request (tRPC, next-auth). */
export function requestWithBody(request: Request, bytes: Uint8Array<ArrayBuffer>): Request {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const headers = new Headers(request.headers);
  // The body now has a known length; the original framing (chunked) no longer applies.
  headers.delete("transfer-encoding");
  if (hasBody) headers.set("content-length", String(bytes.byteLength));
  return new Request(request.url, { method: request.method, headers, body: hasBody ? bytes : undefined, signal: request.signal });
}
