import { FIELD_NAMES, type InKindDraft, type ReportFigures } from "./reportFigures";

/*
 * What a person typed into a contributions report, kept in the browser until the server has it, so
 * a closed tab, a lost connection or an ended session loses nothing. The key names the person:
 * on a shared computer nobody's figures are ever restored into someone else's form. In-kind
 * descriptions are free text, so copies do not linger: each is dropped once saved, and every copy
 * (whoever's) once it is LOCAL_COPY_DAYS old.
 */

export const LOCAL_COPY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX = "tfr:contribution-report:";

export interface LocalCopy {
  /** When the person last changed the figures (an ISO instant). */
  typedAt: string;
  /** The report's version the person's changes were made to; null when there was no report yet. */
  baseVersion: number | null;
  /** The figures at that version: what the person changed (to combine with a later save by someone else). */
  base: ReportFigures;
  figures: ReportFigures;
}

/** Only what localStorage offers that these functions use, so tests can hand them a map. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface LocalCopyOwner {
  userId: string;
  taskForceId: string;
  organizationId: string;
  period: string;
}

export const localCopyKey = ({ userId, taskForceId, organizationId, period }: LocalCopyOwner) => `${PREFIX}${userId}:${taskForceId}:${organizationId}:${period}`;

/** The browser's localStorage, or null where it is turned off (some private modes throw on reading it). */
export function deviceStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const isExpired = (typedAt: string, now: Date) => {
  const time = Date.parse(typedAt);
  return Number.isNaN(time) || now.getTime() - time > LOCAL_COPY_DAYS * DAY_MS;
};

/** Figures read back from storage, keeping only fields the form has and well-formed rows; null when unreadable. */
function figuresFrom(value: unknown): ReportFigures | null {
  if (!value || typeof value !== "object") return null;
  const { fields, inKind } = value as { fields?: unknown; inKind?: unknown };
  if (!fields || typeof fields !== "object" || !Array.isArray(inKind)) return null;
  const known = Object.entries(fields).filter((entry): entry is [string, string] => FIELD_NAMES.has(entry[0]) && typeof entry[1] === "string" && entry[1] !== "");
  const rows = inKind.filter(
    (row): row is InKindDraft => !!row && typeof row === "object" && typeof row.description === "string" && typeof row.value === "string",
  );
  // Keys are given afresh: a copy edited by hand must not give two rows one identity.
  return { fields: Object.fromEntries(known), inKind: rows.map((row, key) => ({ key, description: row.description, value: row.value })) };
}

/** The copy kept under `key`, or null when there is none, it cannot be read, or it has expired (then it is dropped). */
export function readLocalCopy(store: KeyValueStore, key: string, now: Date): LocalCopy | null {
  try {
    const text = store.getItem(key);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<Record<keyof LocalCopy, unknown>>;
    const base = figuresFrom(parsed.base);
    const figures = figuresFrom(parsed.figures);
    const baseVersion = parsed.baseVersion;
    const typedAt = typeof parsed.typedAt === "string" ? parsed.typedAt : "";
    if (!base || !figures || (baseVersion !== null && !Number.isInteger(baseVersion)) || isExpired(typedAt, now)) {
      store.removeItem(key);
      return null;
    }
    return { typedAt, baseVersion: baseVersion as number | null, base, figures };
  } catch {
    return null;
  }
}

/** Keeps `copy` under `key`, or drops what is kept when `copy` is null. */
export function writeLocalCopy(store: KeyValueStore, key: string, copy: LocalCopy | null) {
  try {
    if (copy) store.setItem(key, JSON.stringify(copy));
    else store.removeItem(key);
  } catch {
    // Storage full or turned off: the draft on the server still is saved; nothing more to do.
  }
}

/** Drops every contributions copy on this device older than LOCAL_COPY_DAYS, whoever typed it. */
export function dropExpiredLocalCopies(store: KeyValueStore, now: Date) {
  try {
    const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key?.startsWith(PREFIX) ?? false);
    for (const key of keys) readLocalCopy(store, key, now);
  } catch {
    // As above: an unreadable store holds nothing of ours to drop.
  }
}
