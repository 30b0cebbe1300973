/** Largest document accepted, in bytes (10 MB). One constant for the route handler, the service and the form. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const ALLOWED_MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  png: "image/png",
  jpeg: "image/jpeg",
  text: "text/plain",
} as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[keyof typeof ALLOWED_MEDIA_TYPES];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
}

/** Plain text: valid UTF-8 with no control characters other than tab, line feed, form feed and carriage return. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/**
 * The type of a file judged by its content (magic bytes), never by the name or the type the browser
 * claims: a renamed executable is refused. Returns null for anything not on the allowed list.
 * DOCX and ODT are both ZIP archives: ODT names its type in the first entry ("mimetype"), DOCX has
 * a `word/` part listed in the archive.
 */
export function detectMediaType(bytes: Uint8Array): AllowedMediaType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return ALLOWED_MEDIA_TYPES.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ALLOWED_MEDIA_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ALLOWED_MEDIA_TYPES.jpeg;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, ascii(`mimetype${ALLOWED_MEDIA_TYPES.odt}`), 30)) return ALLOWED_MEDIA_TYPES.odt;
    if (containsAscii(bytes, "[Content_Types].xml") && containsAscii(bytes, "word/")) return ALLOWED_MEDIA_TYPES.docx;
    return null;
  }
  if (bytes.length > 0 && isPlainText(bytes)) return ALLOWED_MEDIA_TYPES.text;
  return null;
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001F\u007F"]/g, "").trim();
  return (base || "document").slice(0, 200);
}
