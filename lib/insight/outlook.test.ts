import { describe, expect, it } from "vitest";
import { kaplanMeier } from "./km";
import { atRiskAt, conditionalOutlook, firstDayAtOrBelow, type DurationRow } from "./outlook";

// Ten spells of one stage, worked by hand:
//   day  events censored  at risk  S(day)
//    10     2       0        10     1 − 2/10          = 0.8
//    20     1       1         8     0.8 · (1 − 1/8)    = 0.7
//    30     0       2         6     (no exit)           0.7
//    40     2       0         4     0.7 · (1 − 2/4)    = 0.35
//   100     1       0         2     0.35 · (1 − 1/2)   = 0.175
//   150     0       1         1     (no exit)           0.175
const ROWS: DurationRow[] = [
  { days: 40, events: 2, censored: 0 }, // deliberately out of order
  { days: 10, events: 2, censored: 0 },
  { days: 20, events: 1, censored: 1 },
  { days: 30, events: 0, censored: 2 },
  { days: 100, events: 1, censored: 0 },
  { days: 150, events: 0, censored: 1 },
];

describe("the data set", () => {
  it("gives the hand-computed survival after each exit day (lib/insight/km.ts), with the number at risk", () => {
    const steps = kaplanMeier(ROWS).curve.slice(1);
    expect(steps.map((s) => [s.day, s.atRisk])).toEqual([[10, 10], [20, 8], [40, 4], [100, 2]]);
    const expected = [0.8, 0.7, 0.35, 0.175];
    steps.forEach((s, i) => expect(s.survival).toBeCloseTo(expected[i]!, 12));
  });

  it("rows of the same day may come split, and empty ones change nothing", () => {
    const split = [...ROWS, { days: 40, events: 0, censored: 0 }].flatMap((r) => (r.days === 10 ? [{ ...r, events: 1 }, { ...r, events: 1 }] : [r]));
    for (const t of [0, 15, 45, 120]) expect(conditionalOutlook(split, t)).toEqual(conditionalOutlook(ROWS, t));
  });

  it("an emptied day (the client's own stay taken out) does not count as follow-up", () => {
    expect(conditionalOutlook([...ROWS, { days: 500, events: 0, censored: 0 }], 120)).toEqual({ comparable: 1, movedOnWithin: 0, typicalRemainingDays: null, followUpDays: 30 });
  });

  it("refuses negative lengths and counts", () => {
    expect(() => conditionalOutlook([{ days: -1, events: 1, censored: 0 }], 0)).toThrow(RangeError);
    expect(() => conditionalOutlook([{ days: 3, events: -1, censored: 0 }], 0)).toThrow(RangeError);
  });
});

describe("atRiskAt and firstDayAtOrBelow", () => {
  it("counts spells that lasted at least t days", () => {
    expect([0, 10, 11, 20, 21, 45, 150, 151].map((t) => atRiskAt(ROWS, t))).toEqual([10, 10, 8, 8, 6, 2, 1, 0]);
  });

  it("finds the median day and says when a level is not reached", () => {
    expect(firstDayAtOrBelow(ROWS, 0.5)).toBe(40);
    expect(firstDayAtOrBelow(ROWS, 0.175)).toBe(100);
    expect(firstDayAtOrBelow(ROWS, 0.1)).toBeNull();
  });

  it("treats a level met on paper as met, despite floating point (9/10 · 8/9 · … · 1/2 = 0.1)", () => {
    const tenInARow = Array.from({ length: 10 }, (_, i) => ({ days: i + 1, events: 1, censored: 0 }));
    expect(firstDayAtOrBelow(tenInARow, 0.1)).toBe(9);
    expect(firstDayAtOrBelow(tenInARow, 0.5)).toBe(5);
  });
});

describe("conditionalOutlook", () => {
  it("t = 0 is the plain estimate: 1 − S(90) = 0.65, median 40 days", () => {
    const o = conditionalOutlook(ROWS, 0);
    expect(o.comparable).toBe(10);
    expect(o.movedOnWithin).toBeCloseTo(0.65, 12);
    expect(o.typicalRemainingDays).toBe(40);
    expect(o.followUpDays).toBe(150);
  });

  it("t = 15: 8 comparable; 1 − S(105)/S(15) = 1 − 0.175/0.8 = 0.78125; S(40)/S(15) = 0.4375 ≤ ½ after 25 more days", () => {
    const o = conditionalOutlook(ROWS, 15);
    expect(o.comparable).toBe(8);
    expect(o.movedOnWithin).toBeCloseTo(0.78125, 12);
    expect(o.typicalRemainingDays).toBe(25);
    expect(o.followUpDays).toBe(135);
  });

  it("t = 20: the exit on day 20 is already behind; S(110)/S(20) = 0.25, and S(40)/S(20) = ½ exactly counts as the median", () => {
    const o = conditionalOutlook(ROWS, 20);
    expect(o.comparable).toBe(8);
    expect(o.movedOnWithin).toBeCloseTo(0.75, 12);
    expect(o.typicalRemainingDays).toBe(20);
  });

  it("t = 45: 2 comparable, one leaves on day 100: 50 % within 90 days, median after 55", () => {
    expect(conditionalOutlook(ROWS, 45)).toEqual({ comparable: 2, movedOnWithin: 0.5, typicalRemainingDays: 55, followUpDays: 105 });
  });

  it("the horizon cuts: at t = 5 the exit on day 100 is outside 5 + 90", () => {
    // S(95)/S(5) = 0.35: 65 % moved on; the day-100 exit does not count yet.
    expect(conditionalOutlook(ROWS, 5).movedOnWithin).toBeCloseTo(0.65, 12);
    expect(conditionalOutlook(ROWS, 10).movedOnWithin).toBeCloseTo(1 - 0.175 / 0.8, 12);
  });

  it("t = 120: one censored spell left: nobody moved on, median not reached, followed 30 more days", () => {
    expect(conditionalOutlook(ROWS, 120)).toEqual({ comparable: 1, movedOnWithin: 0, typicalRemainingDays: null, followUpDays: 30 });
  });

  it("past every spell there is nothing to compare with", () => {
    expect(conditionalOutlook(ROWS, 151)).toEqual({ comparable: 0, movedOnWithin: null, typicalRemainingDays: null, followUpDays: 0 });
    expect(conditionalOutlook([], 0)).toEqual({ comparable: 0, movedOnWithin: null, typicalRemainingDays: null, followUpDays: 0 });
  });

  it("refuses a negative or fractional t", () => {
    expect(() => conditionalOutlook(ROWS, -1)).toThrow(RangeError);
    expect(() => conditionalOutlook(ROWS, 1.5)).toThrow(RangeError);
  });
});
