"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * What the form that created the thing on this page said by address (`?created=1&…`), so the page
 * can confirm it beside what comes next. Read once on arrival, then dropped from the address, so a
 * reload, a bookmark or a shared link does not say it again. Null when the page was not just created.
 */
export function useArrival(): URLSearchParams | null {
  const searchParams = useSearchParams();
  const [arrival] = useState(() => (searchParams.get("created") === "1" ? new URLSearchParams(searchParams) : null));
  useEffect(() => {
    if (arrival) window.history.replaceState(null, "", window.location.pathname);
  }, [arrival]);
  return arrival;
}
