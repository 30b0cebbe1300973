import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/server/auth/session";
import { catalogName, localeOfRequest } from "./locales";

/**
 * The locale comes from the person's account, the device's cookie or the browser's languages
 * (resolveLocale), not from the URL, so that addresses stay stable and a shared link opens in each
 * reader's own language. Time zones are set per task force in its layout.
 */
export default getRequestConfig(async () => {
  const [user, headerStore] = await Promise.all([getSessionUser().catch(() => null), headers()]);
  const locale = localeOfRequest(headerStore, user?.locale);
  return {
    locale,
    messages: (await import(`./messages/${catalogName(locale)}.json`)).default,
    timeZone: "UTC",
    // One "now" per request, handed to client components with the messages: relative times
    // ("updated 5 seconds ago") then read the same on the server and in the browser, so hydration
    // never finds a different text when rendering and hydrating fall on either side of a second.
    now: new Date(),
  };
});
