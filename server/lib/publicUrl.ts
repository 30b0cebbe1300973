import { appBaseUrl } from "@/server/env";

/*
 * The address written into links a request produces: invitations, password-reset links, calendar
 * feed URLs and the meeting pages named in .ics files. People follow these links from elsewhere
 * (an inbox, a calendar app), so the address must be the one they reach the app at.
 *
 * In production it is always NEXTAUTH_URL (server/env.ts refuses to start without it): the Host
 * header is the client's to write, and a reset link built from a forged one would send a victim's
 * token to the forger's site (password-reset poisoning).
 *
 * In development the app is often reached at another address than the localhost NEXTAUTH_URL that
 * `npm run dev` sets (a LAN address, a container's port mapping), so the request's Host header is
 * used. X-Forwarded-Host and X-Forwarded-Proto are not: `next dev` keeps whatever a client sends in
 * them, and no code there sees the socket peer to check it against TRUSTED_PROXIES (only the
 * production server does, server/cli/serve.ts). A proxy that passes the Host header on works.
 */

/** host, host:port, IPv4 or [IPv6] with an optional port; nothing that could add a path or credentials. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The public base URL (no trailing slash) for links written while answering a request with these headers. */
export function publicBaseUrl(headers: Pick<Headers, "get"> | null, env: NodeJS.ProcessEnv = process.env): string {
  const configured = appBaseUrl(env);
  if (env.NODE_ENV === "production") return configured;
  const host = headers?.get("host")?.trim().toLowerCase();
  if (!host || !HOST.test(host)) return configured;
  // The configured address when it is the one asked for: it knows the scheme (https behind a proxy) and a path prefix.
  if (new URL(configured).host === host) return configured;
  // `next dev` serves plain http, so a Host that reached it directly is an http address.
  return `http://${host}`;
}
