// A firm's thresholds: validation, and each setting changing the outcome in a case built for it.
import { describe, expect, it } from "vitest";
import { inferStages, type StageInput } from "./index";
import { dayNumber, isoFromDay } from "./dates";
import { DEFAULT_SETTINGS, parseSettings, SETTING_BOUNDS, SETTING_KEYS, type StageSettings } from "./settings";
import { syntheticHistory } from "./synthetic";

const D0 = dayNumber("2025-01-01");
const d = (days: number) => isoFromDay(D0 + days);
const NOTHING: StageInput = {
  date: d(0), accounts: [], accountsSince: null, postsLast30d: 0, rhythm: "none", automatedShare: 0, replies: "none",
  promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null, followers: null,
};
const at = (day: number, ...parts: Partial<StageInput>[]): StageInput => Object.assign({}, NOTHING, ...parts, { date: d(day) });
const TRIAL: Partial<StageInput> = { accounts: ["facebook"], postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7, replies: "none" };
const ROUTINE: Partial<StageInput> = {
  accounts: ["facebook", "instagram"], postsLast30d: 10, rhythm: "scheduled", automatedShare: 0.1, replies: "consistent", results: "some",
};
const TOOLS: Partial<StageInput> = { ...ROUTINE, tools: ["analytics"], results: "some", mentionResponseHours: 30 };

const stages = (h: StageInput[], s: Partial<StageSettings> = {}) =>
  inferStages(h, { settings: { ...DEFAULT_SETTINGS, ...s } }).map((e) => e.stage).join("");

describe("parseSettings", () => {
  it("fills what is not given with the defaults and accepts numbers as text", () => {
    expect(parseSettings({})).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(parseSettings({ trialDays: "120", highAutomation: " 0.4 ", routineMinPosts: "" })).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, trialDays: 120, highAutomation: 0.4 },
    });
  });

  it("accepts every bound and refuses just outside it, with a code per field", () => {
    for (const k of SETTING_KEYS) {
      const b = SETTING_BOUNDS[k];
      expect(parseSettings({ [k]: b.min }).ok).toBe(true);
      expect(parseSettings({ [k]: b.max }).ok).toBe(true);
      const small = b.integer ? b.min - 1 : b.min - 0.01;
      const large = b.integer ? b.max + 1 : b.max + 0.01;
      expect(parseSettings({ [k]: small })).toEqual({ ok: false, errors: [{ field: k, code: "tooSmall" }] });
      expect(parseSettings({ [k]: large })).toEqual({ ok: false, errors: [{ field: k, code: "tooLarge" }] });
    }
  });

  it("names the problem: not a number, not whole, unknown key, not an object", () => {
    expect(parseSettings({ trialDays: "ninety", confirmBackCheckIns: 1.5, fastResponseHours: true })).toEqual({
      ok: false,
      errors: [
        { field: "trialDays", code: "notNumber" },
        { field: "fastResponseHours", code: "notNumber" },
        { field: "confirmBackCheckIns", code: "notInteger" },
      ],
    });
    expect(parseSettings({ trialdays: 30 })).toEqual({ ok: false, errors: [{ field: "", code: "unknownField" }] });
    expect(parseSettings([1])).toEqual({ ok: false, errors: [{ field: "", code: "notObject" }] });
    expect(parseSettings(null)).toEqual({ ok: false, errors: [{ field: "", code: "notObject" }] });
    expect(parseSettings({ trialDays: Number.NaN })).toEqual({ ok: false, errors: [{ field: "trialDays", code: "notNumber" }] });
  });
});

describe("the engine with a firm's settings", () => {
  it("the defaults give exactly what no settings give", () => {
    for (let i = 0; i < 50; i++) {
      const h = syntheticHistory(i, 40);
      expect(inferStages(h, { settings: { ...DEFAULT_SETTINGS } })).toEqual(inferStages(h));
    }
  });

  it("trialDays: accounts 100 days old are still on trial with 120 days", () => {
    const h = [at(100, TRIAL, { accountsSince: d(0) })];
    expect(stages(h)).toBe("3");
    expect(stages(h, { trialDays: 120 })).toBe("2");
  });

  it("routineMinPosts: three posts a month are a routine when the firm asks for three", () => {
    const h = [at(0, ROUTINE, { postsLast30d: 3 })];
    expect(stages(h)).toBe("2");
    expect(stages(h, { routineMinPosts: 3 })).toBe("4");
    // The missing item follows the threshold too.
    expect(inferStages(h)[0]!.missing).toContain("post at least once a week");
    expect(inferStages(h, { settings: { ...DEFAULT_SETTINGS, routineMinPosts: 3 } })[0]!.missing).not.toContain("post at least once a week");
  });

  it("highAutomation: 40% automatic is a large share when the firm draws the line at 30%", () => {
    // Routine with some replies only: it needs "mostly by hand" as one of its two supports.
    const h = [at(0, ROUTINE, { automatedShare: 0.4, replies: "some" })];
    expect(stages(h)).toBe("4");
    expect(stages(h, { highAutomation: 0.3 })).toBe("2");
  });

  it("fastResponseHours: answers within 30 hours count as fast with 48", () => {
    const h = [at(0, TOOLS)];
    expect(stages(h)).toBe("4");
    expect(stages(h, { fastResponseHours: 48 })).toBe("5");
  });

  it("confirmBackCheckIns: 1 drops at once, 2 after two, 3 after three (to the highest of them)", () => {
    const h = [at(0, ROUTINE), at(30, ROUTINE), at(60, TRIAL, { accountsSince: d(-400) }), at(90, TRIAL, { accountsSince: d(-400) }), at(120, { accounts: [] })];
    expect(stages(h)).toBe("44433");
    expect(stages(h, { confirmBackCheckIns: 1 })).toBe("44331");
    expect(stages(h, { confirmBackCheckIns: 3 })).toBe("44443");
    expect(stages(h, { confirmBackCheckIns: 5 })).toBe("44444");
    const dropped = inferStages(h, { settings: { ...DEFAULT_SETTINGS, confirmBackCheckIns: 3 } })[4]!;
    expect(dropped.reasons[0]).toBe('third check-in in a row below stage 4 ("Things feel comfortable")');
    const once = inferStages(h, { settings: { ...DEFAULT_SETTINGS, confirmBackCheckIns: 1 } })[2]!;
    expect(once.reasons[0]).toBe('this check-in is below stage 4 ("Things feel comfortable")');
  });

  it("confirmBackCheckIns 3: a run broken by one check-in at the stage starts again", () => {
    const low = { ...TRIAL, accountsSince: d(-400) };
    const h = [at(0, ROUTINE), at(30, low), at(60, low), at(90, ROUTINE), at(120, low), at(150, low), at(180, low)];
    expect(stages(h, { confirmBackCheckIns: 3 })).toBe("4444443");
  });
});

describe("latestStage", () => {
  it("is the last stage inferStages gives, for any settings", async () => {
    const { latestStage } = await import("./index");
    const variants: Partial<StageSettings>[] = [{}, { confirmBackCheckIns: 1 }, { confirmBackCheckIns: 4, trialDays: 30 }, { routineMinPosts: 10, highAutomation: 0.2 }, { fastResponseHours: 100 }];
    for (let i = 0; i < 200; i++) {
      const h = syntheticHistory(i, 5 + (i % 60));
      for (const v of variants) {
        const settings = { ...DEFAULT_SETTINGS, ...v };
        expect(latestStage(h, settings)).toBe(inferStages(h, { settings }).at(-1)!.stage);
      }
    }
    expect(latestStage([])).toBeNull();
  });
});
