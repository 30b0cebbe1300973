import { describe, expect, it } from "vitest";
import { sessionRefusal, sessionSettings } from "./sessionPolicy";

const HOUR = 3_600_000;
const settings = { maxHours: 12, idleMinutes: 60 };
const signIn = Date.UTC(2026, 11, 5, 8, 0);
const validAfter = { sessionsValidAfter: new Date(signIn - 1000) };

describe("sessionRefusal", () => {
  it("keeps an active session for up to the absolute lifetime, then ends it however active it was", () => {
    expect(sessionRefusal({ authTime: signIn, lastSeen: signIn + 11.9 * HOUR }, validAfter, signIn + 11.95 * HOUR, settings)).toBeNull();
    expect(sessionRefusal({ authTime: signIn, lastSeen: signIn + 12 * HOUR }, validAfter, signIn + 12 * HOUR + 1000, settings)).toBe("expired");
  });

  it("ends a session left idle for longer than the idle limit", () => {
    expect(sessionRefusal({ authTime: signIn, lastSeen: signIn + HOUR }, validAfter, signIn + 2 * HOUR - 1000, settings)).toBeNull();
    expect(sessionRefusal({ authTime: signIn, lastSeen: signIn + HOUR }, validAfter, signIn + 2 * HOUR + 1000, settings)).toBe("idle");
  });

  it("ends sessions that began before the person's sessions were ended", () => {
    const ended = { sessionsValidAfter: new Date(signIn + 1) };
    expect(sessionRefusal({ authTime: signIn, lastSeen: signIn }, ended, signIn + 1000, settings)).toBe("revoked");
    expect(sessionRefusal({ authTime: signIn + 1, lastSeen: signIn + 1 }, ended, signIn + 1000, settings)).toBeNull();
  });

  it("refuses a token without a sign-in time (one issued before this check existed)", () => {
    expect(sessionRefusal({ authTime: 0, lastSeen: 0 }, validAfter, signIn, settings)).toBe("expired");
  });
});

describe("sessionSettings", () => {
  it("defaults to 12 hours and 60 idle minutes, and reads SESSION_MAX_HOURS and SESSION_IDLE_MINUTES", () => {
    expect(sessionSettings({} as NodeJS.ProcessEnv)).toEqual({ maxHours: 12, idleMinutes: 60 });
    expect(sessionSettings({ SESSION_MAX_HOURS: "8", SESSION_IDLE_MINUTES: "30" } as unknown as NodeJS.ProcessEnv)).toEqual({ maxHours: 8, idleMinutes: 30 });
  });
});
