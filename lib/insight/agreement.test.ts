import { describe, expect, it } from "vitest";
import { summarizeAgreement, summarizeCounts } from "./agreement";

const zero = () => Array.from({ length: 6 }, () => [0, 0, 0, 0, 0, 0]);

describe("summarizeAgreement", () => {
  it("returns an empty 6x6 matrix and null shares for no pairs", () => {
    const s = summarizeAgreement([]);
    expect(s).toEqual({ total: 0, exact: 0, withinOne: 0, exactShare: null, withinOneShare: null, matrix: zero() });
  });

  it("counts exact, within-one (including exact) and places cells by [inferred-1][other-1]", () => {
    const s = summarizeAgreement([
      { inferred: 3, other: 3 },
      { inferred: 3, other: 4 },
      { inferred: 4, other: 3 },
      { inferred: 1, other: 6 },
      { inferred: 2, other: 4 },
    ]);
    expect(s.total).toBe(5);
    expect(s.exact).toBe(1);
    expect(s.withinOne).toBe(3);
    expect(s.exactShare).toBeCloseTo(0.2);
    expect(s.withinOneShare).toBeCloseTo(0.6);
    const m = zero();
    m[2][2] = 1;
    m[2][3] = 1;
    m[3][2] = 1;
    m[0][5] = 1;
    m[1][3] = 1;
    expect(s.matrix).toEqual(m);
  });

  it("accepts any iterable, e.g. a generator", () => {
    function* gen() {
      yield { inferred: 6, other: 6 };
      yield { inferred: 5, other: 6 };
    }
    const s = summarizeAgreement(gen());
    expect(s.total).toBe(2);
    expect(s.exactShare).toBe(0.5);
    expect(s.withinOneShare).toBe(1);
    expect(s.matrix[5][5]).toBe(1);
    expect(s.matrix[4][5]).toBe(1);
  });

  it("ignores stages outside 1..6", () => {
    const s = summarizeAgreement([
      { inferred: 0, other: 1 },
      { inferred: 7, other: 6 },
      { inferred: 2.5, other: 2 },
      { inferred: 2, other: 2 },
    ]);
    expect(s.total).toBe(1);
    expect(s.exact).toBe(1);
  });
});

describe("summarizeCounts", () => {
  it("adds up cell counts, merging repeated cells, and matches the pairwise result", () => {
    const s = summarizeCounts([
      { inferred: 2, other: 2, count: 3 },
      { inferred: 2, other: 3, count: 2 },
      { inferred: 2, other: 2, count: 1 },
      { inferred: 5, other: 1, count: 4 },
      { inferred: 4, other: 4, count: 0 },
    ]);
    expect(s.total).toBe(10);
    expect(s.exact).toBe(4);
    expect(s.withinOne).toBe(6);
    expect(s.exactShare).toBeCloseTo(0.4);
    expect(s.withinOneShare).toBeCloseTo(0.6);
    expect(s.matrix[1][1]).toBe(4);
    expect(s.matrix[1][2]).toBe(2);
    expect(s.matrix[4][0]).toBe(4);
    const pairs = [
      ...Array(4).fill({ inferred: 2, other: 2 }),
      ...Array(2).fill({ inferred: 2, other: 3 }),
      ...Array(4).fill({ inferred: 5, other: 1 }),
    ];
    expect(summarizeAgreement(pairs)).toEqual(s);
  });
});
