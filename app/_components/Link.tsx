"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * Next's `<Link>`, prefetching a page only when someone shows they are about to open it (pointer
 * over it, keyboard focus on it, a finger on it) instead of every link as soon as it is on screen.
 * Every page here is rendered per request for the signed-in person, so viewport prefetching made one
 * page view cost the server a render of each page linked from it (the section menu alone is ten,
 * and the router asked for them twice): about twenty-five renders for one page someone looked at.
 * Prefetching on intent still opens the page a person reaches for without waiting.
 *
 * Use this instead of `next/link` everywhere (the lint rule `no-restricted-imports` says so).
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={prefetch === false || !intent ? false : prefetch}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
