import type { ReactNode } from "react";
import { LanguageSwitch } from "./LanguageSwitch";

/** The frame of the pages people see before they have an account or are signed in: a language switch above the page. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="public-top">
        <LanguageSwitch />
      </header>
      {children}
    </>
  );
}
