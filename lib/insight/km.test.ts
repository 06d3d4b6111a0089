import { describe, expect, it } from "vitest";
import { countByDay, drawingCurve, kaplanMeier, thinCurve, type CurvePoint, type Observation } from "./km";

// Hand-computed example: 8 stays, with two events on one day (day 3) and an event and a censoring
// on one day (day 5, the censored stay still at risk on day 5).
//
//   day  at risk n  events d  censored  S = S_prev·(1 − d/n)      G = Σ d/(n(n−d))
//    2      8          1         0      7/8         = 0.875       1/56              = 0.017857142857
//    3      7          2         0      0.875·5/7   = 0.625       + 2/35  → 3/40    = 0.075
//    5      5          1         1      0.625·4/5   = 0.5         + 1/20  → 1/8     = 0.125
//    7      3          0         1      (no point)
//    8      2          1         0      0.5·1/2     = 0.25        + 1/2   → 5/8     = 0.625
//   10      1          0         1      (no point)
//
// Log-log band, z = 1.959964: se = √G / |ln S|, lower = S^exp(z·se), upper = S^exp(−z·se).
//   day 2: ln S = −0.133531, se = 0.133631/0.133531 = 1.000743, z·se = 1.961420,
//          exp(±) = 7.109418 / 0.140658 → lower = 0.875^7.109418 = 0.387000, upper = 0.875^0.140658 = 0.981393
//   day 3: ln S = −0.470004, se = 0.273861/0.470004 = 0.582679, z·se = 1.142030,
//          exp(±) = 3.133122 / 0.319170 → lower = 0.625^3.133122 = 0.229333, upper = 0.625^0.319170 = 0.860698
//   day 5: ln S = −0.693147, se = 0.353553/0.693147 = 0.510070, z·se = 0.999718,
//          exp(±) = 2.717516 / 0.367983 → lower = 0.5^2.717516 = 0.152036, upper = 0.5^0.367983 = 0.774865
//   day 8: ln S = −1.386294, se = 0.790569/1.386294 = 0.570275, z·se = 1.117719,
//          exp(±) = 3.057871 / 0.327025 → lower = 0.25^3.057871 = 0.014420, upper = 0.25^0.327025 = 0.635494
// Median: the first day with S ≤ 0.5 is day 5 (S = 0.5 exactly).
// Forward: the exits on days 2, 3 (one of the two) and 8 moved up: 3 of 5 events, share 0.6.
const example: Observation[] = [
  { days: 2, event: true, forward: true },
  { days: 3, event: true, forward: true },
  { days: 3, event: true, forward: false },
  { days: 5, event: true },
  { days: 5, event: false },
  { days: 7, event: false },
  { days: 8, event: true, forward: true },
  { days: 10, event: false },
];

const expected: CurvePoint[] = [
  { day: 0, survival: 1, atRisk: 8, lower: 1, upper: 1 },
  { day: 2, survival: 0.875, atRisk: 8, lower: 0.387, upper: 0.981393 },
  { day: 3, survival: 0.625, atRisk: 7, lower: 0.229333, upper: 0.860698 },
  { day: 5, survival: 0.5, atRisk: 5, lower: 0.152036, upper: 0.774865 },
  { day: 8, survival: 0.25, atRisk: 2, lower: 0.01442, upper: 0.635494 },
];

function expectCurve(actual: CurvePoint[], want: CurvePoint[]) {
  expect(actual.map((p) => [p.day, p.atRisk])).toEqual(want.map((p) => [p.day, p.atRisk]));
  actual.forEach((p, i) => {
    expect(p.survival).toBeCloseTo(want[i]!.survival, 6);
    expect(p.lower).toBeCloseTo(want[i]!.lower, 5);
    expect(p.upper).toBeCloseTo(want[i]!.upper, 5);
  });
}

describe("kaplanMeier on a hand-computed example with ties and censoring", () => {
  it("gives the step points, counts, median and forward share", () => {
    const km = kaplanMeier(example);
    expect(km).toMatchObject({ spells: 8, events: 5, censored: 3, medianDays: 5, forwardExits: 3, maxDays: 10 });
    expect(km.forwardShare).toBeCloseTo(0.6, 12);
    expectCurve(km.curve, expected);
  });

  it("gives the same answer from per-day counts as SQL returns them, in any order", () => {
    const km = kaplanMeier([
      { days: 8, events: 1, censored: 0, forward: 1 },
      { days: 5, events: 1, censored: 1, forward: 0 },
      { days: 3, events: 2, censored: 0, forward: 1 },
      { days: 10, events: 0, censored: 1 },
      { days: 2, events: 1, censored: 0, forward: 1 },
      { days: 7, events: 0, censored: 1 },
    ]);
    expect(km.forwardExits).toBe(3);
    expectCurve(km.curve, expected);
  });

  it("reads the estimate and the number at risk off at given days", () => {
    const km = kaplanMeier(example, { at: [0, 3, 4, 9, 30] });
    // At risk on day t = stays lasting at least t days: 8, 7 (all but day 2), 5, 1 (day 10), 0.
    expect(km.at.map((p) => [p.day, p.atRisk, p.survival])).toEqual([
      [0, 8, 1],
      [3, 7, 0.625],
      [4, 5, 0.625],
      [9, 1, 0.25],
      [30, 0, 0.25],
    ]);
    expect(km.at[1]!.lower).toBeCloseTo(0.229333, 5);
  });

  it("a censoring on a day counts as at risk on that day, events first", () => {
    // Two stays of 4 days, one ended and one cut off: n = 2 on day 4, S = 1/2, not 0.
    const km = kaplanMeier([{ days: 4, event: true }, { days: 4, event: false }]);
    expect(km.curve[1]).toMatchObject({ day: 4, survival: 0.5, atRisk: 2 });
    expect(km.medianDays).toBe(4);
  });
});

describe("kaplanMeier edge cases", () => {
  it("no stays: the curve is the starting point, nothing reached", () => {
    expect(kaplanMeier([])).toEqual({
      spells: 0,
      events: 0,
      censored: 0,
      medianDays: null,
      forwardExits: 0,
      forwardShare: null,
      maxDays: null,
      curve: [{ day: 0, survival: 1, atRisk: 0, lower: 1, upper: 1 }],
      at: [],
    });
  });

  it("all censored: survival stays 1 and the median is not reached", () => {
    const km = kaplanMeier([{ days: 10, event: false }, { days: 20, event: false }]);
    expect(km).toMatchObject({ spells: 2, events: 0, censored: 2, medianDays: null, forwardShare: null, maxDays: 20 });
    expect(km.curve).toEqual([{ day: 0, survival: 1, atRisk: 2, lower: 1, upper: 1 }]);
  });

  it("survival above one half throughout: median not reached", () => {
    // n = 3, one event on day 1: S = 2/3.
    const km = kaplanMeier([{ days: 1, event: true }, { days: 5, event: false }, { days: 6, event: false }]);
    expect(km.curve[1]!.survival).toBeCloseTo(2 / 3, 12);
    expect(km.medianDays).toBeNull();
  });

  it("survival reaching 0: the bounds are 0 from then on", () => {
    // day 1: n = 3, d = 1, S = 2/3; day 2: n = 2, d = 2, S = 0.
    const km = kaplanMeier([{ days: 1, event: true }, { days: 2, event: true }, { days: 2, event: true }]);
    expect(km.curve.at(-1)).toEqual({ day: 2, survival: 0, atRisk: 2, lower: 0, upper: 0 });
    expect(km.medianDays).toBe(2);
    // day 1 band: G = 1/6, ln(2/3) = −0.405465, se = 0.408248/0.405465 = 1.006864, z·se = 1.973418;
    // lower = (2/3)^exp(1.973418) = (2/3)^7.195224 = 0.054073, upper = (2/3)^exp(−1.973418) = (2/3)^0.138981 = 0.945206.
    expect(km.curve[1]!.lower).toBeCloseTo(0.054073, 5);
    expect(km.curve[1]!.upper).toBeCloseTo(0.945206, 5);
  });

  it("a product a hair off one half still counts as reaching it", () => {
    // n = 4: days 1 and 2 one event each, S = 3/4 · 2/3 = 1/2 (0.49999999999999994 or so in floats).
    const km = kaplanMeier([1, 2, 9, 9].map((days) => ({ days, event: days < 9 })));
    expect(km.medianDays).toBe(2);
  });

  it("zero-length stays (two changes on one day) are events on day 0", () => {
    const km = kaplanMeier([{ days: 0, event: true }, { days: 3, event: false }]);
    expect(km.curve.map((p) => [p.day, p.survival, p.atRisk])).toEqual([
      [0, 1, 2],
      [0, 0.5, 2],
    ]);
    expect(km.medianDays).toBe(0);
  });

  it("refuses negative or fractional days and inconsistent counts", () => {
    expect(() => kaplanMeier([{ days: -1, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ days: 1.5, event: true }])).toThrow(RangeError);
    expect(() => countByDay([{ days: 1, events: 1, censored: 0, forward: 2 }])).toThrow(RangeError);
  });
});

describe("thinCurve", () => {
  it("keeps first, last, the median step and every visible move", () => {
    // 1,000 stays ending one a day: S drops by 0.001 a day, so about every third step is kept.
    const km = kaplanMeier(Array.from({ length: 1000 }, (_, i) => ({ days: i + 1, event: true })));
    const thin = thinCurve(km.curve);
    expect(km.curve).toHaveLength(1001);
    expect(thin.length).toBeLessThan(450);
    expect(thin[0]).toEqual(km.curve[0]);
    expect(thin.at(-1)).toEqual(km.curve.at(-1));
    expect(thin.some((p) => p.day === km.medianDays)).toBe(true);
    // The drawn step (the last kept point on or before each day) is never 0.0025 or more off the estimate.
    for (const p of km.curve) {
      const drawn = thin.filter((q) => q.day <= p.day).at(-1)!;
      expect(drawn.survival - p.survival).toBeLessThan(0.0025);
    }
  });

  it("leaves short curves alone", () => {
    const c = kaplanMeier(example).curve.slice(0, 2);
    expect(thinCurve(c)).toEqual(c);
  });
});

describe("drawingCurve", () => {
  it("is the thinned curve with its shares rounded to four decimals", () => {
    const km = kaplanMeier(Array.from({ length: 997 }, (_, i) => ({ days: (i * 7) % 400, event: i % 5 !== 0 })));
    const thin = thinCurve(km.curve);
    const drawn = drawingCurve(km.curve);
    expect(drawn.map((p) => [p[0], p[4]])).toEqual(thin.map((p) => [p.day, p.atRisk]));
    for (const [i, p] of drawn.entries()) {
      for (const [at, k] of [[1, "survival"], [2, "lower"], [3, "upper"]] as const) {
        expect(Math.abs(p[at] - thin[i]![k])).toBeLessThanOrEqual(0.00005);
        expect(String(p[at]).replace(/^0\.|^1$|^0$/, "").length).toBeLessThanOrEqual(4);
      }
    }
    // day, survival, lower, upper, at risk
    expect(drawn[0]).toEqual([0, 1, 1, 1, 997]);
  });
});
