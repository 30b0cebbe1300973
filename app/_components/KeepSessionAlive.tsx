"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** At most one keep-alive per this many milliseconds, well inside the shortest idle limit (5 minutes). */
const THROTTLE_MS = 60_000;

/**
 * Sessions end after a while without activity (SESSION_IDLE_MINUTES). Pages rendered on the
 * server cannot renew the session cookie, so activity in the browser (moving between pages,
 * typing, clicking) asks next-auth to renew it, at most once a minute. Nothing runs on a timer: a
 * browser left alone is signed out when the idle limit passes.
 */
export function KeepSessionAlive() {
  const pathname = usePathname();
  const last = useRef(0);

  useEffect(() => {
    const renew = () => {
      const now = Date.now();
      if (now - last.current < THROTTLE_MS) return;
      last.current = now;
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    renew();
    const events = ["keydown", "pointerdown"] as const;
    for (const name of events) window.addEventListener(name, renew, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, renew);
    };
  }, [pathname]);

  return null;
}
