// How long a portfolio period may be. Every month of the range is a row in several statements,
// so an unbounded range (from=1000-01-01) made one request stall every other one.
export const MAX_RANGE_YEARS = 10;

export type RangeProblem = "order" | "too-long";

/** What is wrong with a from/to pair of valid YYYY-MM-DD dates, or null. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (from > to) return "order";
  const limit = `${String(Number(to.slice(0, 4)) - MAX_RANGE_YEARS).padStart(4, "0")}${to.slice(4)}`;
  return from < limit ? "too-long" : null;
}
