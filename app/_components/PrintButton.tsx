"use client";

/** Opens the browser's print dialog, where "Save as PDF" makes the PDF; the page's print CSS decides what is printed. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
