import { cookies } from "next/headers";
import { usesSecureCookies } from "@/server/auth/options";
import { getSessionUser } from "@/server/auth/session";
import { handleLanguageChoice } from "@/server/domains/account/languageChoice.http";

export async function POST(request: Request) {
  const cookieStore = await cookies();
  const secure = usesSecureCookies();
  return handleLanguageChoice(request, await getSessionUser(), (name, value, maxAge) => cookieStore.set(name, value, { maxAge, path: "/", sameSite: "lax", httpOnly: true, secure }));
}
