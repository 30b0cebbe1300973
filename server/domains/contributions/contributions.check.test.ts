import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/server/trpc/fieldErrors";
import { contentProblems, MAX_FIGURE, type ContentCandidate } from "./contributions.check";
import { SERVICE_TYPES, SIMPLE_MEASURES, TRAINING_SECTORS } from "./contributions.measures";
import { ReportContent } from "./contributions.schemas";

/** What the server's schema says of the content: the problems a save would be refused with. */
function schemaProblems(content: ContentCandidate) {
  const result = ReportContent.safeParse(content);
  return result.success ? {} : fieldErrorsFromZod(result.error);
}

/** Numbers near every limit, and the ones a person's typing can make (NaN, Infinity, -0). */
const figure = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1.005, 2.25, 12.345, MAX_FIGURE, MAX_FIGURE + 1, MAX_FIGURE + 0.01, Number.NaN, Infinity, -Infinity, 1e400, 0.1 + 0.2),
  fc.integer({ min: -5, max: 2 * MAX_FIGURE }),
  fc.double({ min: -100, max: 100 }),
  fc.double(),
);
const someOf = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), figure, { maxKeys: 4 });
const candidate: fc.Arbitrary<ContentCandidate> = fc.record({
  values: someOf(SIMPLE_MEASURES),
  peopleTrained: someOf(TRAINING_SECTORS),
  services: someOf(SERVICE_TYPES),
  inKind: fc.array(
    fc.record({ description: fc.oneof(fc.constantFrom("", "   ", "Meeting room", " Van ", "x".repeat(300), ` ${"x".repeat(300)} `, "x".repeat(301)), fc.string()), value: figure }),
    { maxLength: 33 },
  ),
});

describe("the browser's check of a report's figures", () => {
  it("finds exactly the problems the server's schema finds, under the same paths and words", () => {
    fc.assert(
      fc.property(candidate, (content) => {
        expect(contentProblems(content)).toEqual(schemaProblems(content));
      }),
      { seed: 19_2026, numRuns: 600 },
    );
  });

  it("says what to fix in the person's words: whole numbers, two decimals, a description", () => {
    expect(
      contentProblems({
        values: { trainingsDelivered: 1.5, staffHours: -1.234 },
        peopleTrained: {},
        services: { housing: Number.NaN },
        inKind: [{ description: " ", value: 20 }],
      }),
    ).toEqual({
      "values.trainingsDelivered": [{ key: "wholeNumber" }],
      "values.staffHours": [{ key: "tooSmall", values: { min: 0 } }, { key: "twoDecimals" }],
      "services.housing": [{ key: "invalid" }],
      "inKind.0.description": [{ key: "required" }],
    });
  });
});
