import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/*
 * A PDF read back as a reader's program reads it (pdfjs-dist, Firefox's PDF reader): the text of
 * each page, piece by piece in the order it was written, with where each piece stands. Tests of the
 * progress report's PDF compare it with the report's content; the funder attacker reads its tables.
 */

export interface PdfPiece {
  text: string;
  /** From the page's left and top edges, in points. */
  x: number;
  top: number;
}

export interface PdfPage {
  height: number;
  pieces: PdfPiece[];
}

export interface PdfFile {
  pages: PdfPage[];
  info: Record<string, unknown>;
}

// pdf.js reads the standard fonts' metrics from its package; told where, it does not warn.
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export async function readPdf(bytes: Uint8Array): Promise<PdfFile> {
  // pdf.js takes the bytes over (detaches them): it gets a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [, , , height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const pieces = content.items.flatMap((item) =>
        "str" in item && item.str.trim() !== "" ? [{ text: item.str, x: item.transform[4] as number, top: height - (item.transform[5] as number) }] : [],
      );
      pages.push({ height, pieces });
    }
    const { info } = await pdf.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}

/** Text without its spaces and line breaks: where a line wraps does not matter to a comparison. */
export const squashed = (text: string) => text.replace(/\s+/g, "");

/** A page's text in the order it was written, pieces separated by a space. */
export const textOf = (pieces: readonly PdfPiece[]) => pieces.map((piece) => piece.text).join(" ").replace(/\s+/g, " ");

/** The pieces above `top` (a page's heading), below `bottom` from the top edge (its number), and between (the content). */
export function bandsOf(page: PdfPage, top: number, bottom: number) {
  return {
    heading: page.pieces.filter((piece) => piece.top < top),
    body: page.pieces.filter((piece) => piece.top >= top && piece.top <= page.height - bottom),
    foot: page.pieces.filter((piece) => piece.top > page.height - bottom),
  };
}

/** The content of every page (without their headings and numbers), piece by piece in the order written. */
export const contentOf = (file: PdfFile, top: number, bottom: number) => file.pages.flatMap((page) => bandsOf(page, top, bottom).body.map((piece) => piece.text));

/** The parts of `expected` that are not in `text` in this order (each after the one before it), spacing aside. */
export function missingInOrder(text: string, expected: readonly string[]): string[] {
  const haystack = squashed(text);
  const missing: string[] = [];
  let from = 0;
  for (const part of expected) {
    const at = haystack.indexOf(squashed(part), from);
    if (at < 0) missing.push(part);
    else from = at + squashed(part).length;
  }
  return missing;
}

/** Where the pieces from `start` on spell `text` exactly (a cell written on several lines is several pieces): the index after them, or -1. */
function spelledAt(pieces: readonly string[], start: number, text: string): number {
  const target = squashed(text);
  let read = "";
  let index = start;
  while (read.length < target.length && index < pieces.length) {
    read += squashed(pieces[index]!);
    index += 1;
    if (!target.startsWith(read)) return -1;
  }
  return read === target ? index : -1;
}

/** The first run of pieces from `from` on that spells `text` (spacing aside), or null. */
export function findText(pieces: readonly string[], text: string, from = 0): { start: number; end: number } | null {
  for (let start = from; start < pieces.length; start += 1) {
    const end = spelledAt(pieces, start, text);
    if (end >= 0) return { start, end };
  }
  return null;
}

/**
 * A table as a reader finds it among `pieces` (in the order written): its heading (`headers`, one
 * after the other), then each row that begins with one of `labels` and the cells that follow it, one
 * piece each (figures never wrap). A heading repeated on a later page is passed over.
 */
export function tableIn(pieces: readonly string[], headers: readonly string[], labels: readonly string[]): string[][] {
  const heading = findText(pieces, headers.join(" "));
  if (!heading) throw new Error(`no heading "${headers.join(" | ")}" in the PDF`);
  const rows: string[][] = [[...headers]];
  let index = heading.end;
  while (index < pieces.length) {
    const label = labels.find((candidate) => spelledAt(pieces, index, candidate) >= 0);
    if (label === undefined) {
      index += 1;
      continue;
    }
    const after = spelledAt(pieces, index, label);
    rows.push([label, ...pieces.slice(after, after + headers.length - 1)]);
    index = after + headers.length - 1;
  }
  return rows;
}
