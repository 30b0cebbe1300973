import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/*
 * Who is on the other end of a request, for rate limiting. The socket's peer is the client unless
 * it is a proxy this deployment trusts (TRUSTED_PROXIES); only then is the X-Forwarded-For entry
 * that proxy appended believed, and so on leftwards while the entries are trusted proxies too.
 * With no trusted proxy (the default) a client's own X-Forwarded-For is ignored entirely: otherwise
 * anyone could claim a new address on each attempt.
 */

export class TrustedProxiesError extends Error {}

/** `::ffff:192.0.2.1` (IPv4 seen by an IPv6 socket) is the IPv4 address 192.0.2.1. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  const value = raw?.trim().replace(/^\[|\]$/g, "");
  if (!value) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const address = mapped?.[1] ?? value;
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * Parses TRUSTED_PROXIES: addresses or CIDR ranges separated by commas or spaces, e.g.
 * `127.0.0.1, 10.0.0.0/8, fd00::/8`. Empty means none.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [addressPart, prefixPart] = entry.split("/");
    const address = normaliseAddress(addressPart);
    const family = address ? isIP(address) : 0;
    const type = family === 6 ? "ipv6" : "ipv4";
    const prefix = prefixPart === undefined ? (family === 6 ? 128 : 32) : Number(prefixPart);
    if (!address || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new TrustedProxiesError(
        `TRUSTED_PROXIES has "${entry}", which is neither an IP address nor a CIDR range (e.g. 127.0.0.1, 10.0.0.0/8, fd00::/8).`,
      );
    }
    list.addSubnet(address, prefix, type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The client address of a request that arrived from `socketAddress` with these X-Forwarded-For values. */
export function resolveClientAddress(
  socketAddress: string | undefined | null,
  forwardedFor: string | string[] | undefined | null,
  trustedProxies: BlockList,
): string | null {
  let current = normaliseAddress(socketAddress);
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  while (current && isTrusted(trustedProxies, current) && forwarded.length > 0) {
    const next = normaliseAddress(forwarded.pop());
    // A proxy we trust handed us something that is not an address: stop at the proxy itself.
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Replaces the request's X-Forwarded-For with the one client address worked out here, before
 * Next.js (and so next-auth and tRPC) sees the request: what reaches them can be believed.
 */
export function applyClientAddress(req: IncomingMessage, trustedProxies: BlockList): string | null {
  const client = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  if (client) req.headers["x-forwarded-for"] = client;
  else delete req.headers["x-forwarded-for"];
  return client;
}
