import { describe, expect, it } from "vitest";
import { explainError } from "./errorText";

describe("a refusal worded by the server", () => {
  it("words the message and each field's problem in the reader's language", () => {
    const parts = { messageKey: "invalidInput", values: {}, fieldErrors: { name: [{ key: "tooShort", values: { min: 3 } }], slug: [{ key: "slugTaken", values: { slug: "north" } }] } };
    expect(explainError(parts, "en")).toEqual({
      ...parts,
      text: "Some fields need attention. Check the messages next to them.",
      fieldErrors: {
        name: [{ key: "tooShort", values: { min: 3 }, text: "Use at least 3 characters." }],
        // A service's refusal on a field is worded from the errors catalog.
        slug: [{ key: "slugTaken", values: { slug: "north" }, text: "The short name north is already in use." }],
      },
    });
    expect(explainError(parts, "es-US").fieldErrors.name).toEqual([{ key: "tooShort", values: { min: 3 }, text: "Use al menos 3 caracteres." }]);
  });

  it("gives an instant at the task force's time of day, in the reader's language", () => {
    const parts = { messageKey: "meetingChangedByOther", values: { at: "2027-01-14T15:05:00.000Z" }, fieldErrors: {} };
    expect(explainError(parts, "en", "America/Chicago").text).toBe("Someone else changed this meeting at Jan 14, 2027, 9:05 AM CST. Reload the page and make your change again.");
    expect(explainError(parts, "es-US", "America/Chicago").text).toMatch(/^Otra persona modificó esta reunión el 14 ene 2027, 9:05/);
  });

  it("reads a key the catalogs lack as the generic message, never as the key", () => {
    const explained = explainError({ messageKey: "noSuchKey", values: {}, fieldErrors: { x: [{ key: "noSuchKeyEither" }] } }, "en");
    expect(explained.text).toBe("Something went wrong on our side. Nothing was saved; try again.");
    expect(explained.fieldErrors.x?.[0]?.text).toBe("This value is not valid.");
    // The keys a page words itself when no answer comes are worded here too.
    expect(explainError({ messageKey: "unavailable", values: {}, fieldErrors: {} }, "en").text).toMatch(/^The service is temporarily unavailable/);
  });
});
