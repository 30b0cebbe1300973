import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/server/domains/auth/auth.service";
import { DomainError } from "@/server/errors";

/** Sessions last a working day; a stolen cookie is worth less and people sign in each morning. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** next-auth sends an error thrown in `authorize` to the client as this code; the login form maps it. */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

const SignInCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/**
 * The client address for rate limiting: the right-most X-Forwarded-For entry is the one added by
 * the proxy nearest to us (Next.js itself adds it under `next start`); entries to its left come
 * from the client and could be forged.
 */
export function clientAddressFrom(headers: Record<string, string | string[] | undefined> | Headers | undefined) {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
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
      if (user) {
        token.sub = user.id;
        // When this sign-in happened: sessions older than the last password change are refused.
        token.authTime = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      // Only the id travels; name, email and rights are read from the database on each request.
      return { expires: session.expires, user: { id: token.sub ?? "" }, authTime: token.authTime ?? 0 };
    },
  },
};
