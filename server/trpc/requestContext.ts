import { clientAddressFrom } from "@/server/auth/options";
import { getSessionUser } from "@/server/auth/session";
import { publicBaseUrl } from "@/server/lib/publicUrl";
import { localeOfRequest } from "@/server/lib/translate";
import type { Context } from "./context";

/** Builds the tRPC context for a request: the signed-in user comes from the database, never from the client. */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const user = await getSessionUser();
  return { user, clientAddress: clientAddressFrom(headers), baseUrl: publicBaseUrl(headers), locale: localeOfRequest(headers, user?.locale), taskForceAccess: new Map() };
}
