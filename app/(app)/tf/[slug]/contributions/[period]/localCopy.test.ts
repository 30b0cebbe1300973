import { describe, expect, it } from "vitest";
import { dropExpiredLocalCopies, LOCAL_COPY_DAYS, localCopyKey, readLocalCopy, writeLocalCopy, type KeyValueStore, type LocalCopy } from "./localCopy";

/** localStorage's behaviour, in memory. */
class MemoryStore implements KeyValueStore {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const owner = { userId: "user-a", taskForceId: "tf-1", organizationId: "org-1", period: "2026-Q1" };
const typedAt = new Date("2026-04-02T15:04:00Z");
const copy: LocalCopy = {
  typedAt: typedAt.toISOString(),
  baseVersion: 3,
  base: { fields: { "values.staffHours": "10" }, inKind: [] },
  figures: { fields: { "values.staffHours": "12" }, inKind: [{ key: 4, description: "Meeting room", value: "450" }] },
};
const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(typedAt.getTime() + days * DAY);

describe("the copy of a contributions report kept on the device", () => {
  it("is kept per person, task force, organization and period", () => {
    const keys = [
      localCopyKey(owner),
      localCopyKey({ ...owner, userId: "user-b" }),
      localCopyKey({ ...owner, taskForceId: "tf-2" }),
      localCopyKey({ ...owner, organizationId: "org-2" }),
      localCopyKey({ ...owner, period: "2026-Q2" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    const store = new MemoryStore();
    writeLocalCopy(store, localCopyKey(owner), copy);
    // Someone else signing in on the same browser finds nothing of the first person's.
    expect(readLocalCopy(store, localCopyKey({ ...owner, userId: "user-b" }), later(1))).toBeNull();
  });

  it("reads back what was kept, and nothing once it is dropped", () => {
    const store = new MemoryStore();
    const key = localCopyKey(owner);
    writeLocalCopy(store, key, copy);
    expect(readLocalCopy(store, key, later(1))).toEqual({ ...copy, figures: { ...copy.figures, inKind: [{ key: 0, description: "Meeting room", value: "450" }] } });
    writeLocalCopy(store, key, null);
    expect(readLocalCopy(store, key, later(1))).toBeNull();
    expect(store.keys()).toEqual([]);
  });

  it(`is dropped once it is more than ${LOCAL_COPY_DAYS} days old`, () => {
    const store = new MemoryStore();
    const key = localCopyKey(owner);
    writeLocalCopy(store, key, copy);
    expect(readLocalCopy(store, key, later(LOCAL_COPY_DAYS))).not.toBeNull();
    expect(readLocalCopy(store, key, later(LOCAL_COPY_DAYS + 0.01))).toBeNull();
    expect(store.keys()).toEqual([]);
  });

  it("drops every expired copy on the device, whoever typed it, and leaves the rest and other data alone", () => {
    const store = new MemoryStore();
    const old = localCopyKey({ ...owner, userId: "user-b" });
    const fresh = localCopyKey({ ...owner, period: "2026-Q2" });
    writeLocalCopy(store, old, copy);
    writeLocalCopy(store, fresh, { ...copy, typedAt: later(20).toISOString() });
    store.setItem("tfr:response-draft:user-a:round:A.mou", "{}");
    dropExpiredLocalCopies(store, later(LOCAL_COPY_DAYS + 1));
    expect(store.keys().sort()).toEqual([fresh, "tfr:response-draft:user-a:round:A.mou"].sort());
  });

  it("drops a copy it cannot read, and keeps only fields the form has", () => {
    const store = new MemoryStore();
    const key = localCopyKey(owner);
    store.setItem(key, "{not json");
    expect(readLocalCopy(store, key, later(1))).toBeNull();
    store.setItem(key, JSON.stringify({ ...copy, baseVersion: "3" }));
    expect(readLocalCopy(store, key, later(1))).toBeNull();
    expect(store.getItem(key)).toBeNull();
    store.setItem(key, JSON.stringify({ ...copy, figures: { fields: { "values.staffHours": "12", "values.unknownMeasure": "x", "services.food": 3 }, inKind: [{ description: "Van" }, null] } }));
    expect(readLocalCopy(store, key, later(1))?.figures).toEqual({ fields: { "values.staffHours": "12" }, inKind: [] });
  });

  it("keeps working when the browser refuses storage", () => {
    const refusing: KeyValueStore = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {},
    };
    expect(() => writeLocalCopy(refusing, localCopyKey(owner), copy)).not.toThrow();
    expect(readLocalCopy(refusing, localCopyKey(owner), later(1))).toBeNull();
  });
});
