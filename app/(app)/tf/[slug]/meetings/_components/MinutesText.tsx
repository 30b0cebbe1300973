import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";

/*
 * Minutes are shown under an agenda item's own headings (h3 item, h4 "Minutes"), so every heading
 * written in the minutes becomes an h5: below them, and never skipping a level in the page's outline.
 */
function MinutesHeading({ children }: { children?: ReactNode }) {
  return <h5>{children}</h5>;
}
const COMPONENTS: Components = { h1: MinutesHeading, h2: MinutesHeading, h3: MinutesHeading, h4: MinutesHeading, h5: MinutesHeading, h6: MinutesHeading };

/**
 * Markdown minutes as read-only text. Raw HTML is left out (`skipHtml`): minutes cannot inject markup
 * or scripts, and a pasted tag does not show up as stray "<script>" text either. Unsafe link
 * protocols are dropped by react-markdown's default URL filter.
 */
export function MinutesText({ children }: { children: string }) {
  return (
    <div className="minutes-markdown">
      <Markdown components={COMPONENTS} skipHtml>{children}</Markdown>
    </div>
  );
}
