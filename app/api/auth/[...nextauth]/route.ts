import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { readBodyWithin } from "@/server/lib/requestBody";

const handler = NextAuth(authOptions);

/** Sign-in and sign-out forms are a few hundred bytes; next-auth would read any body whole. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

async function post(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const body = await readBodyWithin(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return new Response(null, { status: body.reason === "tooLarge" ? 413 : 400 });
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  return handler(new NextRequest(request.url, { method: "POST", headers, body: body.bytes }), context);
}

export { handler as GET, post as POST };
