/*
 * How long a session lasts. A session carries the time of its sign-in (authTime) and of the last
 * request seen (lastSeen). It ends, whatever the cookie says, when
 *  - it is older than SESSION_MAX_HOURS (absolute lifetime, default 12 h): re-issuing the cookie on
 *    every request does not make a session live for ever;
 *  - nothing was done for SESSION_IDLE_MINUTES (default 60);
 *  - it began before the person's sessions_valid_after: a password change or reset, "sign out
 *    everywhere", or a role taken away.
 */

export const DEFAULT_SESSION_MAX_HOURS = 12;
export const DEFAULT_SESSION_IDLE_MINUTES = 60;

export interface SessionSettings {
  maxHours: number;
  idleMinutes: number;
}

const positive = (value: string | undefined, fallback: number, max: number) => {
  const parsed = Number(value?.trim());
  return value?.trim() && Number.isFinite(parsed) && parsed > 0 && parsed <= max ? parsed : fallback;
};

/** Bad values are refused at start-up by checkServerEnv; here they fall back to the defaults. */
export function sessionSettings(env: NodeJS.ProcessEnv = process.env): SessionSettings {
  return {
    maxHours: positive(env.SESSION_MAX_HOURS, DEFAULT_SESSION_MAX_HOURS, 24 * 30),
    idleMinutes: positive(env.SESSION_IDLE_MINUTES, DEFAULT_SESSION_IDLE_MINUTES, 24 * 60 * 30),
  };
}

export type SessionRefusal = "expired" | "idle" | "revoked";

export interface SessionTimes {
  /** Milliseconds since the epoch of the sign-in. */
  authTime: number;
  /** Milliseconds since the epoch of the last request that kept the session alive. */
  lastSeen: number;
}

/** Why a session may no longer be used at `now`, or null when it may. */
export function sessionRefusal(
  session: SessionTimes,
  user: { sessionsValidAfter: Date } | null,
  now: number,
  settings: SessionSettings = sessionSettings(),
): SessionRefusal | null {
  if (!session.authTime || now - session.authTime > settings.maxHours * 3_600_000) return "expired";
  if (now - (session.lastSeen || session.authTime) > settings.idleMinutes * 60_000) return "idle";
  if (user && session.authTime < user.sessionsValidAfter.getTime()) return "revoked";
  return null;
}
