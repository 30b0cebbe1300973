import PDFDocument from "pdfkit";
import type { ReportContent, ReportSectionContent, ReportTotal } from "@/db/schema";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { formatCalendarDate, formatCell, formatFigure, formatInstant, isChangeColumn, PERCENT_FIGURE, PLAIN_FIGURE, type Formatter } from "@/server/lib/figures";
import { catalogTranslator, DEFAULT_LOCALE, serverFormatter, type Locale, type ServerTranslator } from "@/server/lib/translate";
import { winAnsiText } from "@/server/lib/winAnsi";

/*
 * A generated report as a PDF made on the server (pdfkit, no browser): the page's facts, then each
 * section's title, totals and table with the XLSX's columns and cells, written as the page writes
 * them (server/lib/figures.ts) — suppressed cells with the same word, blanks as "—". A table's
 * heading is repeated on each page it continues on, and every page names the task force, the award
 * and the reporting period, and says "Page N of M".
 *
 * Helvetica is one of the fonts every PDF reader has, so nothing is embedded and the file stays
 * small and fast to make; it draws WinAnsi (Latin-1 and a little more), so every string passes
 * through winAnsiText. The text is real text: it can be selected, searched and read back.
 * Nothing depends on the current time: the same report makes the same bytes.
 */

/** Room around the content; the page's heading and number are written inside the top and bottom ones. */
export const PDF_MARGINS = { top: 54, bottom: 46, left: 40, right: 40 } as const;

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const SIZE = { title: 16, heading: 12, text: 9, table: 8, frame: 8 } as const;
const INK = "#000000";
const MUTED = "#444444";
const HEADER_FILL = "#e6e6e6";
const RULE = "#999999";
const CELL_PADDING = 3;
const LINE_GAP = 1;
/** A section's title stays on the page only with this much room below it for what follows. */
const KEEP_WITH_TITLE = 48;

interface Table {
  headers: string[];
  rows: string[][];
  /** Columns of figures, aligned right. */
  numeric: boolean[];
}

/** The document as it is written from top to bottom: `y` is where the next block starts. */
class ReportPdf {
  private y: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.y = PDF_MARGINS.top;
  }

  private get left() {
    return PDF_MARGINS.left;
  }

  private get width() {
    return this.doc.page.width - PDF_MARGINS.left - PDF_MARGINS.right;
  }

  private get bottom() {
    return this.doc.page.height - PDF_MARGINS.bottom;
  }

  private newPage() {
    this.doc.addPage();
    this.y = PDF_MARGINS.top;
  }

  /** Starts a new page unless `height` fits below (or the page is still empty). */
  private ensureRoom(height: number) {
    if (this.y + height > this.bottom && this.y > PDF_MARGINS.top) this.newPage();
  }

  private height(text: string, font: string, size: number, width: number) {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /** A paragraph across the page, then `gap` below it. */
  block(raw: string, { font = REGULAR, size = SIZE.text as number, gap = 4 } = {}) {
    const text = winAnsiText(raw);
    const height = this.height(text, font, size, this.width);
    this.ensureRoom(height);
    this.doc.font(font).fontSize(size).fillColor(INK).text(text, this.left, this.y, { width: this.width, lineGap: LINE_GAP });
    this.y += height + gap;
  }

  /** Labels and values side by side, as the page's list of facts. */
  facts(facts: readonly (readonly [string, string])[]) {
    const labelWidth = 130;
    const valueWidth = this.width - labelWidth;
    for (const [rawLabel, rawValue] of facts) {
      const [label, value] = [winAnsiText(rawLabel), winAnsiText(rawValue)];
      const height = Math.max(this.height(label, BOLD, SIZE.text, labelWidth), this.height(value, REGULAR, SIZE.text, valueWidth));
      this.ensureRoom(height);
      this.doc.font(BOLD).fontSize(SIZE.text).fillColor(INK).text(label, this.left, this.y, { width: labelWidth, lineGap: LINE_GAP });
      this.doc.font(REGULAR).text(value, this.left + labelWidth, this.y, { width: valueWidth, lineGap: LINE_GAP });
      this.y += height + 3;
    }
    this.y += 6;
  }

  /** A section's title, kept with the start of what follows it. */
  heading(raw: string) {
    const text = winAnsiText(raw);
    const height = this.height(text, BOLD, SIZE.heading, this.width);
    this.y += 8;
    this.ensureRoom(height + KEEP_WITH_TITLE);
    this.block(text, { font: BOLD, size: SIZE.heading, gap: 4 });
  }

  /**
   * A table as wide as the page, its heading repeated at the top of each page it continues on. A row
   * never splits across pages; one taller than a whole page (a very long list of evidence) is cut
   * at the page's end with "…" — the XLSX and CSV hold all of it.
   */
  table(raw: Table) {
    const headers = raw.headers.map(winAnsiText);
    const rows = raw.rows.map((row) => row.map(winAnsiText));
    const widths = this.columnWidths(headers, rows);
    const headerHeight = this.rowHeight(headers, widths, BOLD);
    const tallest = this.bottom - PDF_MARGINS.top - headerHeight;
    const heights = rows.map((row) => Math.min(this.rowHeight(row, widths, REGULAR), tallest));
    this.ensureRoom(headerHeight + (heights[0] ?? 0));
    this.row(headers, widths, raw.numeric, headerHeight, true);
    rows.forEach((row, index) => {
      const height = heights[index]!;
      if (this.y + height > this.bottom) {
        this.newPage();
        this.row(headers, widths, raw.numeric, headerHeight, true);
      }
      this.row(row, widths, raw.numeric, height, false);
    });
    this.y += 6;
  }

  /**
   * Column widths from what they hold: each at least its longest word, the room left shared in
   * proportion to how much more its longest line would need; a narrow table is stretched alike.
   */
  private columnWidths(headers: string[], rows: string[][]): number[] {
    const measure = (text: string, font: string) => {
      this.doc.font(font).fontSize(SIZE.table);
      const widest = (parts: string[]) => Math.max(0, ...parts.map((part) => this.doc.widthOfString(part)));
      return { least: widest(text.split(/\s+/)), most: widest(text.split("\n")) };
    };
    const columns = headers.map((header, index) => {
      const cells = [measure(header, BOLD), ...rows.map((row) => measure(row[index] ?? "", REGULAR))];
      const padding = 2 * CELL_PADDING;
      return { least: Math.max(...cells.map((cell) => cell.least)) + padding, most: Math.max(...cells.map((cell) => cell.most)) + padding };
    });
    const least = columns.reduce((sum, column) => sum + column.least, 0);
    const most = columns.reduce((sum, column) => sum + column.most, 0);
    if (most <= this.width) return columns.map((column) => (column.most * this.width) / most);
    if (least >= this.width) return columns.map((column) => (column.least * this.width) / least);
    const share = (this.width - least) / (most - least);
    return columns.map((column) => column.least + (column.most - column.least) * share);
  }

  private rowHeight(cells: string[], widths: number[], font: string) {
    return Math.max(...cells.map((cell, index) => this.height(cell, font, SIZE.table, widths[index]! - 2 * CELL_PADDING))) + 2 * CELL_PADDING;
  }

  private row(cells: string[], widths: number[], numeric: boolean[], height: number, header: boolean) {
    const { doc } = this;
    const tableWidth = widths.reduce((sum, width) => sum + width, 0);
    if (header) doc.rect(this.left, this.y, tableWidth, height).fill(HEADER_FILL);
    doc.font(header ? BOLD : REGULAR).fontSize(SIZE.table).fillColor(INK);
    let x = this.left;
    cells.forEach((cell, index) => {
      const width = widths[index]!;
      // The height keeps a cut row's text above the page's end; it is the row's own, so nothing else is cut.
      doc.text(cell, x + CELL_PADDING, this.y + CELL_PADDING, {
        width: width - 2 * CELL_PADDING,
        height: height - 2 * CELL_PADDING + LINE_GAP,
        ellipsis: true,
        align: numeric[index] ? "right" : "left",
        lineGap: LINE_GAP,
      });
      x += width;
    });
    doc.moveTo(this.left, this.y + height).lineTo(this.left + tableWidth, this.y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    this.y += height;
  }

  /**
   * The heading and number of every page, written once all pages exist. Without line wrapping and
   * inside the margins, pdfkit cannot start a page for them.
   */
  frame(rawHeading: string, pageNumber: (page: number, pages: number) => string) {
    const { doc } = this;
    const heading = winAnsiText(rawHeading);
    const { start, count } = doc.bufferedPageRange();
    for (let index = 0; index < count; index += 1) {
      doc.switchToPage(start + index);
      doc.font(REGULAR).fontSize(SIZE.frame).fillColor(MUTED);
      // A long name is set smaller rather than run past the page's edge.
      const headingSize = Math.max(6, Math.min(SIZE.frame, (SIZE.frame * this.width) / doc.widthOfString(heading)));
      doc.fontSize(headingSize).text(heading, this.left, PDF_MARGINS.top - 26, { lineBreak: false });
      doc.moveTo(this.left, PDF_MARGINS.top - 12).lineTo(this.left + this.width, PDF_MARGINS.top - 12).lineWidth(0.5).strokeColor(RULE).stroke();
      const number = winAnsiText(pageNumber(index + 1, count));
      doc.fontSize(SIZE.frame).text(number, this.left + this.width - doc.widthOfString(number), doc.page.height - PDF_MARGINS.bottom + 18, { lineBreak: false });
    }
  }
}

/** A section as the page shows it: title, totals (a table under their heading when compared, else a line each), then its table. */
function writeSection(pdf: ReportPdf, section: ReportSectionContent, format: Formatter, t: ServerTranslator) {
  const noValue = t("reports.noValue");
  pdf.heading(section.title);
  if (section.totalsHeader && section.totals.length > 0) {
    const cells = (total: ReportTotal) => [
      total.label,
      formatCell(format, PLAIN_FIGURE, total.value, noValue),
      formatCell(format, PLAIN_FIGURE, total.previous, noValue),
      formatCell(format, PLAIN_FIGURE, total.change, noValue, true),
      formatCell(format, PERCENT_FIGURE, total.changePercent, noValue, true),
    ];
    pdf.table({ headers: section.totalsHeader, rows: section.totals.map(cells), numeric: section.totalsHeader.map((_, index) => index > 0) });
  } else {
    for (const total of section.totals) pdf.block(`${total.label}: ${formatFigure(format, PLAIN_FIGURE, total.value)}`, { gap: 2 });
  }
  if (section.rows.length === 0) {
    pdf.block(t("reports.sectionEmpty"));
    return;
  }
  pdf.table({
    headers: section.columns.map((column) => column.header),
    rows: section.rows.map((row) => section.columns.map((column) => formatCell(format, column, row[column.key], noValue, isChangeColumn(column)))),
    numeric: section.columns.map((column) => column.type === "number" || column.type === "percent" || column.type === "money"),
  });
}

function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** The report as a PDF, its own headings in `locale` (the report's language); times of day in `timeZone` (the task force's). */
export async function reportToPdf(content: ReportContent, generatedAt: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): Promise<Buffer> {
  const t = catalogTranslator(locale);
  const format = serverFormatter(timeZone, locale);
  const doc = new PDFDocument({
    size: "LETTER",
    layout: "landscape",
    margins: PDF_MARGINS,
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    // The file's own dates are the report's: the same report always makes the same bytes.
    info: { Title: content.title, Author: content.taskForceName, Creator: t("app.name"), CreationDate: generatedAt },
  });
  const bytes = bytesOf(doc);
  const date = (value: string) => formatCalendarDate(format, value);
  const period = `${date(content.period.start)} – ${date(content.period.end)}`;
  const pdf = new ReportPdf(doc);

  pdf.block(content.title, { font: BOLD, size: SIZE.title, gap: 10 });
  const { grant, comparedWith } = content;
  pdf.facts([
    [t("reports.periodLabel"), period],
    [t("reports.dueLabel"), date(content.period.dueOn)],
    [t("reports.awardLabel"), `${grant.awardNumber}, ${grant.program} (${grant.funderName})`],
    [t("reports.amountLabel"), formatFigure(format, { type: "money", currency: PROGRAM_CURRENCY }, grant.amount)],
    ...(comparedWith === undefined
      ? []
      : [[t("reports.comparison.comparedWithLabel"), comparedWith ? `${date(comparedWith.start)} – ${date(comparedWith.end)}` : t("reports.comparison.firstPeriod")] as const]),
    [t("reports.generatedLabel"), formatInstant(format, generatedAt, timeZone)],
  ]);
  if (comparedWith !== undefined) {
    pdf.block(t("reports.comparison.note"));
    pdf.block(t("reports.comparison.suppressionNote"));
  }
  for (const section of content.sections) writeSection(pdf, section, format, t);

  pdf.frame(t("reports.pdf.pageHeader", { taskForce: content.taskForceName, awardNumber: grant.awardNumber, period }), (page, pages) =>
    t("reports.pdf.pageNumber", { page, pages }),
  );
  doc.end();
  return bytes;
}
