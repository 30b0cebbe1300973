import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import en from "@/app/i18n/messages/en.json";
import es from "@/app/i18n/messages/es.json";
import { findSessionUser } from "@/server/domains/auth";
import { createUser, unique, type TestUser } from "@/server/testing/factories";
import { headersOf, textOf } from "@/server/testing/fakeSmtpServer";
import { withFakeSmtpServer } from "@/server/testing/fakeSmtpHooks";
import { startPasswordReset } from "./account.service";
import { handleLanguageChoice } from "./languageChoice.http";

/*
 * Issue 21: a person chooses their language with the switch on every page. The choice is kept on
 * the device (a cookie) and, once signed in, on their account, so it follows them to other devices
 * and into the emails sent to them.
 */

const sessionOf = (user: TestUser) => ({ id: user.id, email: user.email, name: user.name, isAdmin: false });

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/api/locale", { method: "POST", body: new URLSearchParams(fields), headers: { "sec-fetch-site": "same-origin", ...headers } });
}

async function choose(request: Request, user: TestUser | null) {
  const cookies: Record<string, string> = {};
  const response = await handleLanguageChoice(request, user && sessionOf(user), (name, value) => {
    cookies[name] = value;
  });
  return { status: response.status, location: response.headers.get("location"), cookies };
}

async function storedLocale(user: TestUser) {
  const [row] = await (await getDb()).select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
  return row?.locale;
}

describe("choosing a language", () => {
  it("keeps a signed-in person's choice on the device and on their account, and returns to the page", async () => {
    const user = await createUser();
    expect((await findSessionUser(await getDb(), user.id))?.locale).toBeNull();
    const chosen = await choose(post({ locale: "es-US", returnTo: "/tf/riverbend/gaps?status=open" }), user);
    expect(chosen).toEqual({ status: 303, location: "/tf/riverbend/gaps?status=open", cookies: { locale: "es-US" } });
    expect((await findSessionUser(await getDb(), user.id))?.locale).toBe("es-US");
    // Back to English: the account follows the latest choice.
    await choose(post({ locale: "en", returnTo: "/" }), user);
    expect(await storedLocale(user)).toBe("en");
  });

  it("before signing in, keeps it on the device only", async () => {
    expect(await choose(post({ locale: "es-US", returnTo: "/login" }), null)).toEqual({ status: 303, location: "/login", cookies: { locale: "es-US" } });
  });

  it("refuses a language the app does not offer, and changes nothing", async () => {
    const user = await createUser();
    for (const locale of ["fr", "", "es-US; Path=/", "x".repeat(500)]) {
      expect(await choose(post({ locale, returnTo: "/" }), user)).toEqual({ status: 400, location: null, cookies: {} });
    }
    expect(await choose(post({ returnTo: "/" }), user)).toMatchObject({ status: 400, cookies: {} });
    expect(await storedLocale(user)).toBeNull();
  });

  it("refuses a body larger than the switch's form before reading it whole, and changes nothing", async () => {
    const user = await createUser();
    expect(await choose(post({ locale: "es-US", returnTo: `/${"x".repeat(10_000)}` }), user)).toEqual({ status: 413, location: null, cookies: {} });
    expect(await storedLocale(user)).toBeNull();
  });

  it("refuses a post from another site", async () => {
    const user = await createUser();
    expect(await choose(post({ locale: "es-US", returnTo: "/" }, { "sec-fetch-site": "cross-site" }), user)).toEqual({ status: 403, location: null, cookies: {} });
    expect(await storedLocale(user)).toBeNull();
  });

  it("never sends the browser to another site", async () => {
    for (const returnTo of ["https://evil.example.org/", "//evil.example.org", "/\\evil.example.org", "javascript:alert(1)"]) {
      expect((await choose(post({ locale: "en", returnTo }), null)).location).toBe("/");
    }
    expect((await choose(post({ locale: "en" }), null)).location).toBe("/");
  });
});

describe("emails in the recipient's language", () => {
  const smtp = withFakeSmtpServer();

  it("a password reset link reaches each person in the language they chose, English when they chose none", async () => {
    vi.stubEnv("SMTP_URL", smtp.current.url);
    const spanish = await createUser();
    const english = await createUser();
    await choose(post({ locale: "es-US" }), spanish);
    for (const user of [spanish, english]) {
      const { delivery } = await startPasswordReset({ email: user.email }, `2001:db8:21::${unique()}`, "https://roadmap.example.org");
      await delivery;
    }
    const mailTo = (user: TestUser) => smtp.current.messages.find((mail) => mail.to.includes(user.email))!;
    expect(headersOf(mailTo(spanish)).get("subject")).toBe(es.email.passwordReset.subject);
    expect(textOf(mailTo(spanish))).toContain(es.email.passwordReset.body.split("{")[0]!.trim().slice(0, 30));
    expect(headersOf(mailTo(english)).get("subject")).toBe(en.email.passwordReset.subject);
  });
});
