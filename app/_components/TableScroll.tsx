import type { ReactNode } from "react";

/**
 * The box every table sits in, so a table wider than a phone scrolls inside it instead of making the
 * whole page scroll sideways (WCAG 1.4.10); its first column stays in view while it scrolls
 * (globals.css). The box takes focus, so keyboard users can scroll it with the arrow keys, and is
 * named after its table, so screen-reader users hear what they are in. A group rather than a
 * region: one landmark per table would crowd the page's landmarks, whose sections already name them.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // The rule's exception: a box that scrolls must take focus, or the keyboard cannot scroll it (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
