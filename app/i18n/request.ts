import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isSupportedLocale } from "./locales";

/**
 * The locale comes from a cookie (set when a second language ships), not from the URL, so that
 * addresses stay stable. Time zones are set per task force in its layout.
 */
export default getRequestConfig(async () => {
  const requested = (await cookies()).get("locale")?.value;
  const locale = requested && isSupportedLocale(requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "UTC",
    // One "now" per request, handed to client components with the messages: relative times
    // ("updated 5 seconds ago") then read the same on the server and in the browser, so hydration
    // never finds a different text when rendering and hydrating fall on either side of a second.
    now: new Date(),
  };
});
