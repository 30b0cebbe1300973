import type { createFormatter } from "next-intl";

/** next-intl's formatter, in the browser (useFormatter) or on the server (getFormatter). */
type Formatter = Pick<ReturnType<typeof createFormatter>, "number">;

/** A level (a mean or median) as a number with one decimal, or `noValue` when there is none. */
export function levelTextWith(format: Formatter, noValue: string) {
  return (value: number | null | undefined) => (value === null || value === undefined ? noValue : format.number(value, { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
}
