import { describe, expect, it } from "vitest";
import { firstChangedSpell, spellsOf } from "./spells";

const h = (...xs: [string, number][]) => xs.map(([date, stage]) => ({ date, stage }));

describe("spellsOf", () => {
  it("is empty for no history", () => {
    expect(spellsOf([])).toEqual([]);
  });

  it("opens a spell at each change of stage and ends it on the next one's date", () => {
    expect(spellsOf(h(["2026-01-01", 1], ["2026-02-01", 1], ["2026-03-01", 3], ["2026-03-01", 2], ["2026-05-01", 2]))).toEqual([
      { startSeq: 0, stage: 1, started: "2026-01-01", ended: "2026-03-01", nextStage: 3 },
      // Two changes on one day: a zero-length spell, kept in the engine's order.
      { startSeq: 2, stage: 3, started: "2026-03-01", ended: "2026-03-01", nextStage: 2 },
      { startSeq: 3, stage: 2, started: "2026-03-01", ended: null, nextStage: null },
    ]);
  });
});

describe("firstChangedSpell", () => {
  const spells = spellsOf(h(["2026-01-01", 1], ["2026-02-01", 1], ["2026-03-01", 3], ["2026-04-01", 3], ["2026-05-01", 4]));
  it("is the spell holding the last unchanged assessment", () => {
    expect(firstChangedSpell(spells, 0)).toBe(0);
    expect(firstChangedSpell(spells, 1)).toBe(0);
    expect(firstChangedSpell(spells, 2)).toBe(0);
    expect(firstChangedSpell(spells, 3)).toBe(2);
    expect(firstChangedSpell(spells, 4)).toBe(2);
    expect(firstChangedSpell(spells, 5)).toBe(4);
  });
});
