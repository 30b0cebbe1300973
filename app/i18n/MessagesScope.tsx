"use client";

import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";

/**
 * Adds catalog namespaces to those the surrounding provider already holds, and inherits its
 * locale, "now", formats and (unless given) time zone. Pages send only what their own client
 * components read, on top of what their layouts sent once (ClientMessages).
 */
export function MessagesScope({ messages, timeZone, children }: { messages?: AbstractIntlMessages; timeZone?: string; children: ReactNode }) {
  const locale = useLocale();
  const inherited = useMessages();
  const merged = useMemo(() => (messages ? { ...inherited, ...messages } : inherited), [inherited, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
