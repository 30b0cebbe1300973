import { z } from "zod";
import type { SessionUser } from "@/server/trpc/context";
import { readBodyWithin } from "@/server/lib/requestBody";
import { safeSitePath } from "@/server/lib/sitePath";
import { LOCALE_COOKIE, SUPPORTED_LOCALES } from "@/server/lib/translate";
import { choosePreferredLocale } from "./account.service";

/*
 * The language switch (app/_components/LanguageSwitch.tsx) is a plain form that posts here, so it
 * works on every page, before anyone has an account and without JavaScript: the choice is kept in
 * a cookie for this device and, for a signed-in person, on their account, and the browser is sent
 * back to the page it came from, which is then rendered in the chosen language.
 */

const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The form holds a language tag and a page address: anything longer is not the switch's post. */
const MAX_BODY_BYTES = 4096;

const LanguageChoice = z.object({
  locale: z.enum(SUPPORTED_LOCALES),
  returnTo: z.string().max(2000).optional(),
});

export async function handleLanguageChoice(request: Request, user: SessionUser | null, setCookie: (name: string, value: string, maxAgeSeconds: number) => void): Promise<Response> {
  // Another site may not change a person's language behind their back (the form posts from our pages only).
  if (request.headers.get("sec-fetch-site") === "cross-site") return new Response(null, { status: 403 });
  // Read within a limit (never request.formData(), which reads a body whole however large).
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!body.ok) return Response.json({ messageKey: body.reason === "tooLarge" ? "requestTooLarge" : "invalidInput" }, { status: body.reason === "tooLarge" ? 413 : 400 });
  const choice = LanguageChoice.safeParse(Object.fromEntries(new URLSearchParams(new TextDecoder().decode(body.bytes))));
  if (!choice.success) return Response.json({ messageKey: "invalidInput" }, { status: 400 });
  setCookie(LOCALE_COOKIE, choice.data.locale, LOCALE_COOKIE_MAX_AGE_SECONDS);
  if (user) await choosePreferredLocale(user, choice.data.locale);
  // 303: the browser follows with a GET of the page, as after any form post.
  return new Response(null, { status: 303, headers: { Location: safeSitePath(choice.data.returnTo), "Cache-Control": "no-store" } });
}
