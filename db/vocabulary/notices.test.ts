import { describe, expect, it } from "vitest";
import messages from "@/app/i18n/messages/en.json";
import { DIRECTLY_EMAILED_KINDS, NOTICE_TOPIC_NAMES, NOTICE_TOPICS, noticeTopicOf } from "./notices";

describe("notice topics", () => {
  it("give every notice kind of the catalog one topic, or the direct email of a coordinator's reminder", () => {
    for (const kind of Object.keys(messages.notifications)) {
      const topic = noticeTopicOf(kind);
      if (topic === null) expect(DIRECTLY_EMAILED_KINDS).toContain(kind);
      else expect(NOTICE_TOPICS[topic].kinds).toContain(kind);
    }
  });

  it("name only kinds the catalog can say, and each in one topic", () => {
    const kinds = NOTICE_TOPIC_NAMES.flatMap((topic) => [...NOTICE_TOPICS[topic].kinds]);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const kind of kinds) expect(Object.keys(messages.notifications)).toContain(kind);
  });

  it("have a label on the account page", () => {
    expect(Object.keys(messages.noticePreferences.topics).sort()).toEqual([...NOTICE_TOPIC_NAMES].sort());
  });
});
