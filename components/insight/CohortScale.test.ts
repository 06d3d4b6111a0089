import { describe, expect, it } from "vitest";
import { COHORT_LINES, COHORT_LINE_VARS, COHORT_SCALE, cohortStep, contrast, luminance } from "./CohortScale";

describe("the cohort colour scale", () => {
  it("keeps every step's text at 4.5:1 or more on its background, in both themes", () => {
    const ratios = COHORT_SCALE.flatMap((s) => [contrast(s.light.fg, s.light.bg), contrast(s.dark.fg, s.dark.bg)]);
    expect(ratios.filter((r) => r < 4.5)).toEqual([]);
  });

  it("is sequential: darker with the share in the light theme, brighter in the dark one", () => {
    const light = COHORT_SCALE.map((s) => luminance(s.light.bg));
    const dark = COHORT_SCALE.map((s) => luminance(s.dark.bg));
    expect(light).toEqual([...light].sort((a, b) => b - a));
    expect(dark).toEqual([...dark].sort((a, b) => a - b));
  });

  it("puts each share in its fifth", () => {
    expect([0, 0.19, 0.2, 0.39, 0.394, 0.396, 0.4, 0.6, 0.79, 0.8, 1].map(cohortStep)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("draws each cohort's line at 3:1 or more against the chart's background in both themes", () => {
    const low = COHORT_LINES.flatMap((l, i) => [[i, "light", contrast(l.light, "#ffffff")], [i, "dark", contrast(l.dark, "#0f172a")]]).filter(([, , r]) => Number(r) < 3);
    expect(low).toEqual([]);
  });

  it("writes the line colours' classes from the same list", () => {
    const expected = COHORT_LINES.map((l, i) => `[--cohort-line-${i}:${l.light}] dark:[--cohort-line-${i}:${l.dark}]`).join(" ");
    expect(COHORT_LINE_VARS).toBe(expected);
  });

  it("the contrast check can fail", () => {
    expect(contrast("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
