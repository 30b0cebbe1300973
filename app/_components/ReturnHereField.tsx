"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** The address of the page the form is on, so the server can send the person back to it. */
export function ReturnHereField() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />;
}
