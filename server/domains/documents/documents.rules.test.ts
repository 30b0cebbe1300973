import { describe, expect, it } from "vitest";
import { cleanFilename, detectMediaType } from "./documents.rules";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "utf8")] : part)));

describe("document type by content", () => {
  it("recognises PDF, PNG, JPEG and plain text by their first bytes", () => {
    expect(detectMediaType(bytes("%PDF-1.4\n..."))).toBe("application/pdf");
    expect(detectMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectMediaType(bytes("Meeting protocol, version 2\r\n\tAgreed — yes.\n"))).toBe("text/plain");
  });

  it("tells ODT from DOCX inside the ZIP container, and refuses other archives", () => {
    const zip = [0x50, 0x4b, 0x03, 0x04];
    const header = new Array(26).fill(0);
    expect(detectMediaType(bytes(zip, header, "mimetypeapplication/vnd.oasis.opendocument.text"))).toBe("application/vnd.oasis.opendocument.text");
    expect(detectMediaType(bytes(zip, header, "[Content_Types].xml", "word/document.xml"))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(detectMediaType(bytes(zip, header, "payload.exe"))).toBeNull();
  });

  it("refuses a program renamed to look like a document, binary data and an empty file", () => {
    expect(detectMediaType(bytes("MZ", [0x90, 0x00, 0x03]))).toBeNull();
    expect(detectMediaType(bytes([0x00, 0x01, 0x02]))).toBeNull();
    expect(detectMediaType(new Uint8Array())).toBeNull();
    expect(detectMediaType(bytes([0xc3, 0x28]))).toBeNull();
  });
});

describe("file names", () => {
  it("keeps the base name only and drops control characters and quotes", () => {
    expect(cleanFilename("C:\\fakepath\\signed MOU.pdf")).toBe("signed MOU.pdf");
    expect(cleanFilename('../../etc/"pass\nwd"')).toBe("passwd");
    expect(cleanFilename("")).toBe("document");
  });
});
