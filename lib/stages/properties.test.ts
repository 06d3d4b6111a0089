// Properties of the stage engine over arbitrary check-ins (fast-check, fixed seed).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inferStages, type StageEntry, type StageInput } from "./index";
import { ADVOCACY, ATTITUDES, PLATFORMS, PROMOTIONS, REPLIES, RESULTS, RHYTHMS, TOOLS } from "./vocabulary";
import { dayNumber, isoFromDay } from "./dates";
import { syntheticHistory } from "./synthetic";

const FC = { seed: 20260101, numRuns: 300 };
const D0 = dayNumber("2023-01-01");
const date = fc.integer({ min: 0, max: 900 }).map((n) => isoFromDay(D0 + n));

const checkIn: fc.Arbitrary<StageInput> = fc.record({
  date,
  accounts: fc.subarray([...PLATFORMS]),
  accountsSince: fc.option(fc.integer({ min: -2000, max: 900 }).map((n) => isoFromDay(D0 + n))),
  postsLast30d: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10000 })),
  rhythm: fc.constantFrom(...RHYTHMS),
  automatedShare: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  replies: fc.constantFrom(...REPLIES),
  promotion: fc.constantFrom(...PROMOTIONS),
  results: fc.constantFrom(...RESULTS),
  tools: fc.subarray([...TOOLS]),
  mentionResponseHours: fc.option(fc.double({ min: 0, max: 720, noNaN: true })),
  advocacy: fc.constantFrom(...ADVOCACY),
  attitude: fc.option(fc.constantFrom(...ATTITUDES)),
  followers: fc.option(fc.nat()),
});
const history = fc.array(checkIn, { maxLength: 25 });
const withoutIndex = (es: StageEntry[]) => es.map(({ index: _i, ...rest }) => rest);

describe("stage engine properties", () => {
  it("is deterministic", () => {
    fc.assert(fc.property(history, (h) => {
      expect(inferStages(h)).toEqual(inferStages(h));
    }), FC);
  });

  it("does not depend on input order (apart from index)", () => {
    fc.assert(
      fc.property(history, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (h, stream) => {
        const keys = h.map(() => stream.next().value as number);
        const perm = h.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        const shuffled = perm.map((i) => h[i]!);
        const a = inferStages(h);
        const b = inferStages(shuffled);
        expect(withoutIndex(b)).toEqual(withoutIndex(a));
        // Each entry points at an equal check-in in its own input.
        b.forEach((e, k) => expect(shuffled[e.index]).toEqual(h[a[k]!.index]));
      }),
      FC,
    );
  });

  it("never rewrites earlier stages when a later check-in is added", () => {
    fc.assert(
      fc.property(history, checkIn, (h, extra) => {
        const laterDate = isoFromDay(D0 + 901 + (dayNumber(extra.date) - D0));
        const before = inferStages(h);
        const after = inferStages([...h, { ...extra, date: laterDate }]);
        expect(withoutIndex(after.slice(0, before.length))).toEqual(withoutIndex(before));
      }),
      FC,
    );
  });

  it("gives every entry a stage 1-6, confidence 0-1, reasons, and missing empty exactly at 6", () => {
    fc.assert(
      fc.property(history, (h) => {
        const es = inferStages(h);
        expect(es).toHaveLength(h.length);
        expect(new Set(es.map((e) => e.index)).size).toBe(h.length);
        for (const e of es) {
          expect([1, 2, 3, 4, 5, 6]).toContain(e.stage);
          expect(e.confidence).toBeGreaterThanOrEqual(0);
          expect(e.confidence).toBeLessThanOrEqual(1);
          expect(e.reasons.length).toBeGreaterThan(0);
          expect(e.missing.length === 0).toBe(e.stage === 6);
          for (const s of [...e.reasons, ...e.missing]) expect(s.length).toBeGreaterThan(0);
        }
        for (let i = 1; i < es.length; i++) expect(es[i - 1]!.date <= es[i]!.date).toBe(true);
      }),
      FC,
    );
  });

  it("moves backwards only after two check-ins below the stage", () => {
    fc.assert(
      fc.property(history, (h) => {
        const es = inferStages(h);
        for (let i = 1; i < es.length; i++) {
          if (es[i]!.stage < es[i - 1]!.stage) {
            // The previous check-in was held (or itself a drop): its reasons say so.
            expect(es[i]!.reasons[0]).toContain("second check-in in a row below");
          }
        }
      }),
      FC,
    );
  });

  it("reaches every stage on synthetic histories", () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) for (const e of inferStages(syntheticHistory(seed))) seen.add(e.stage);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
