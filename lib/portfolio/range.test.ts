import { describe, expect, it } from "vitest";
import { MAX_RANGE_YEARS, rangeProblem } from "./range";

describe("portfolio range", () => {
  it("allows up to ten years, inclusive", () => {
    expect(MAX_RANGE_YEARS).toBe(10);
    expect(rangeProblem("2016-06-30", "2026-06-30")).toBeNull();
    expect(rangeProblem("2026-06-30", "2026-06-30")).toBeNull();
  });
  it("refuses a longer range and a reversed one", () => {
    expect(rangeProblem("2016-06-29", "2026-06-30")).toBe("too-long");
    expect(rangeProblem("1000-01-01", "2026-06-30")).toBe("too-long");
    expect(rangeProblem("2026-07-01", "2026-06-30")).toBe("order");
  });
});
