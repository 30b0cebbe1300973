"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A disclosure (<details>) whose content is rendered the first time it is opened, and kept from then
 * on, so what was typed in it stays when it is closed again. For pages with many closed forms or
 * tables — a round's results (a form and a table of ratings for each of its elements), an award's
 * requirements, a long list edited in place: the page then sends and hydrates their summaries only.
 */
export function Disclosure({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Opened before the page could respond: that toggle came before React listened for it.
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
