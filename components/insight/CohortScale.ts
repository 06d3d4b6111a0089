import type React from "react";

// The triangle's sequential colour scale: five steps of the share at stage 4+, light to dark in the
// light theme and dark to bright in the dark one, so "more" always stands out from the page. Each
// step names its own text colour, >= 4.5:1 on its background in both themes (CohortScale.test.ts
// computes the ratios). The colours reach the cell as CSS variables (COHORT_CELL_CLASS), so the
// hex values live here once and Tailwind needs no class per step.

export interface Swatch {
  bg: string;
  fg: string;
}
export interface ScaleStep {
  /** The lowest share of the step, 0..1 (inclusive); the next step's is its upper bound. */
  from: number;
  light: Swatch;
  dark: Swatch;
}

export const COHORT_SCALE: ScaleStep[] = [
  { from: 0, light: { bg: "#eef2ff", fg: "#1e1b4b" }, dark: { bg: "#1e1b4b", fg: "#e0e7ff" } },
  { from: 0.2, light: { bg: "#c7d2fe", fg: "#1e1b4b" }, dark: { bg: "#312e81", fg: "#e0e7ff" } },
  { from: 0.4, light: { bg: "#818cf8", fg: "#0f172a" }, dark: { bg: "#4338ca", fg: "#ffffff" } },
  { from: 0.6, light: { bg: "#4f46e5", fg: "#ffffff" }, dark: { bg: "#818cf8", fg: "#0f172a" } },
  { from: 0.8, light: { bg: "#312e81", fg: "#ffffff" }, dark: { bg: "#c7d2fe", fg: "#1e1b4b" } },
];

/** The step of a share (0..1), taken as the whole percentage a cell shows (39.6% is "40%", in the 40% step). */
export function cohortStep(share: number): number {
  const shown = Math.round(share * 100);
  let i = 0;
  while (i + 1 < COHORT_SCALE.length && shown >= Math.round(COHORT_SCALE[i + 1]!.from * 100)) i++;
  return i;
}

/** The CSS variables COHORT_CELL_CLASS reads, for a cell's style attribute. */
export function cohortCellStyle(share: number): React.CSSProperties {
  const s = COHORT_SCALE[cohortStep(share)]!;
  return { "--cohort-bg": s.light.bg, "--cohort-fg": s.light.fg, "--cohort-bg-dark": s.dark.bg, "--cohort-fg-dark": s.dark.fg } as React.CSSProperties;
}

export const COHORT_CELL_CLASS = "bg-[var(--cohort-bg)] text-[var(--cohort-fg)] dark:bg-[var(--cohort-bg-dark)] dark:text-[var(--cohort-fg-dark)]";

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The line chart's cohort colours: >= 3:1 against the chart's background in each theme (white,
 * slate-900). From the seventh on, lines are also dashed, so a pair of hues is never the only
 * difference. The theme picks the colour through a CSS variable per line (COHORT_LINE_VARS,
 * written out in full so Tailwind sees every class; the test checks it matches this list).
 */
export const COHORT_LINES: { light: string; dark: string }[] = [
  { light: "#1d4ed8", dark: "#93c5fd" },
  { light: "#b45309", dark: "#fcd34d" },
  { light: "#047857", dark: "#6ee7b7" },
  { light: "#be123c", dark: "#fda4af" },
  { light: "#6d28d9", dark: "#c4b5fd" },
  { light: "#0e7490", dark: "#67e8f9" },
  { light: "#c2410c", dark: "#fdba74" },
  { light: "#4d7c0f", dark: "#bef264" },
  { light: "#be185d", dark: "#f9a8d4" },
  { light: "#0f766e", dark: "#5eead4" },
  { light: "#475569", dark: "#cbd5e1" },
  { light: "#a21caf", dark: "#f0abfc" },
];

export const COHORT_LINE_VARS = [
  "[--cohort-line-0:#1d4ed8] dark:[--cohort-line-0:#93c5fd]",
  "[--cohort-line-1:#b45309] dark:[--cohort-line-1:#fcd34d]",
  "[--cohort-line-2:#047857] dark:[--cohort-line-2:#6ee7b7]",
  "[--cohort-line-3:#be123c] dark:[--cohort-line-3:#fda4af]",
  "[--cohort-line-4:#6d28d9] dark:[--cohort-line-4:#c4b5fd]",
  "[--cohort-line-5:#0e7490] dark:[--cohort-line-5:#67e8f9]",
  "[--cohort-line-6:#c2410c] dark:[--cohort-line-6:#fdba74]",
  "[--cohort-line-7:#4d7c0f] dark:[--cohort-line-7:#bef264]",
  "[--cohort-line-8:#be185d] dark:[--cohort-line-8:#f9a8d4]",
  "[--cohort-line-9:#0f766e] dark:[--cohort-line-9:#5eead4]",
  "[--cohort-line-10:#475569] dark:[--cohort-line-10:#cbd5e1]",
  "[--cohort-line-11:#a21caf] dark:[--cohort-line-11:#f0abfc]",
].join(" ");

/** How many cohorts the line chart draws at most. */
export const MAX_LINES = COHORT_LINES.length;

/** Line i's colour for an SVG attribute (the light one when outside its frame). */
export const cohortLine = (i: number) => `var(--cohort-line-${i % MAX_LINES}, ${COHORT_LINES[i % MAX_LINES]!.light})`;
/** Line i's dash pattern: solid for the first six, dashed after. */
export const cohortDash = (i: number) => (i % MAX_LINES >= 6 ? "6 3" : undefined);
