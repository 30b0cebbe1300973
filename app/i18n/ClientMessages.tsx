import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { MessagesScope } from "./MessagesScope";
import type { Namespace } from "./namespaces";

/** The named namespaces of the person's catalog. */
export async function pickMessages(namespaces: readonly Namespace[]) {
  const messages = await getMessages();
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}

/**
 * Sends the browser the catalog namespaces its client components below read, and nothing more:
 * the whole catalog (about 125 KB) used to travel inside every page's HTML. Each page and layout
 * names its own; app/i18n/clientMessages.test.ts reads the code and fails when a list misses a
 * namespace a client component uses, or names one that nothing below it needs.
 */
export async function ClientMessages({ namespaces, timeZone, children }: { namespaces: readonly Namespace[]; timeZone?: string; children: ReactNode }) {
  return (
    <MessagesScope messages={await pickMessages(namespaces)} timeZone={timeZone}>
      {children}
    </MessagesScope>
  );
}
