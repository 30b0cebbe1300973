"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A navigation's links behind a menu button on a narrow screen (a disclosure: the button says
 * whether the links are shown and which element it shows). On a wide screen globals.css hides the
 * button and always shows the links, as they were before phones were considered.
 */
export function NavMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  // The menu is open on the page it was opened on, so following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    // Escape closes the menu from wherever focus is; focus returns to the button only from inside
    // the menu, so it never jumps away from what someone is doing elsewhere on the page.
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      const focusInside = menu.current?.contains(document.activeElement) ?? false;
      setOpenOn(null);
      if (focusInside) button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="nav-menu" ref={menu}>
      <button ref={button} type="button" className="nav-menu-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpenOn(open ? null : pathname)}>
        {label}
      </button>
      <div id={panelId} className={open ? "nav-menu-panel open" : "nav-menu-panel"}>
        {children}
      </div>
    </div>
  );
}
