import type { CookiesOptions, NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/server/domains/auth/auth.service";
import { DomainError } from "@/server/errors";
import { sessionRefusal, sessionSettings } from "./sessionPolicy";

/** next-auth sends an error thrown in `authorize` to the client as this code; the login form maps it. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

const SignInCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/**
 * The client address for rate limiting. The server in front of Next.js (server/cli/serve.ts)
 * replaces X-Forwarded-For with the one address it worked out from the socket and TRUSTED_PROXIES,
 * so the right-most (only) entry is the client; a client's own header never gets this far.
 */
export function clientAddressFrom(headers: Record<string, string | string[] | undefined> | Headers | undefined) {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? null;
}

/**
 * Cookies are Secure, with the `__Host-` prefix (no Domain, Path=/, Secure: a sibling subdomain
 * cannot plant or read them), whenever people reach the app over https: an https NEXTAUTH_URL, or
 * TRUSTED_TLS_PROXY=1 for a TLS-terminating proxy in front of a plain-http address.
 */
export function usesSecureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NEXTAUTH_URL?.trim().startsWith("https://")) || env.TRUSTED_TLS_PROXY?.trim() === "1";
}

export function sessionCookies(secure: boolean): Partial<CookiesOptions> | undefined {
  if (!secure) return undefined;
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true };
  return {
    sessionToken: { name: "__Host-next-auth.session-token", options },
    callbackUrl: { name: "__Host-next-auth.callback-url", options: { sameSite: "lax", path: "/", secure: true } },
    csrfToken: { name: "__Host-next-auth.csrf-token", options },
  };
}

const settings = sessionSettings();
const secureCookies = usesSecureCookies();

export const authOptions: NextAuthOptions = {
  // The cookie lives at most the absolute lifetime; the idle limit is checked on each request.
  session: { strategy: "jwt", maxAge: Math.round(settings.maxHours * 3600) },
  jwt: { maxAge: Math.round(settings.maxHours * 3600) },
  useSecureCookies: secureCookies,
  cookies: sessionCookies(secureCookies),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = SignInCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          return await authenticate(parsed.data.email, parsed.data.password, clientAddressFrom(req?.headers));
        } catch (error) {
          if (error instanceof DomainError && error.code === "RATE_LIMITED") throw new Error(SIGN_IN_RATE_LIMITED);
          if (error instanceof DomainError && error.code === "UNAUTHENTICATED") return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        token.sub = user.id;
        // When this sign-in happened: the absolute lifetime counts from here, and sessions older
        // than the person's sessions_valid_after are refused.
        token.authTime = now;
        token.lastSeen = now;
        return token;
      }
      // Activity keeps a session alive only while it is still alive: an idle or expired session
      // is not revived by reading it (the cookie is re-issued on every read).
      const times = { authTime: token.authTime ?? 0, lastSeen: token.lastSeen ?? token.authTime ?? 0 };
      if (!sessionRefusal(times, null, now, settings)) token.lastSeen = now;
      return token;
    },
    session({ session, token }) {
      // Only the id travels; name, email and rights are read from the database on each request.
      return {
        expires: session.expires,
        user: { id: token.sub ?? "" },
        authTime: token.authTime ?? 0,
        lastSeen: token.lastSeen ?? token.authTime ?? 0,
      };
    },
  },
};
