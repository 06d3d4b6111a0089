// The Kaplan–Meier estimate of how long stays in a stage last, counting the stays that have not
// ended yet (censored) instead of leaving them out. Pure: no database, no framework.
//
// Conventions (the ones R's survival package and most textbooks use):
// - Ties: at a day with both events and censorings, the events come first, so a stay censored on
//   day t is still at risk on day t.
// - 95% confidence band: Greenwood's variance on the log(−log S) scale (the "log-log" or
//   exponential Greenwood interval, Kalbfleisch & Prentice): with G = Σ d / (n (n − d)) over the
//   event days so far, se = √G / |ln S|, lower = S^exp(z·se), upper = S^exp(−z·se). Unlike plain
//   Greenwood (S ± z·S·√G) it never leaves [0, 1], so nothing needs clipping. Once S reaches 0
//   both bounds are 0.
// - Median: the first event day on which S ≤ 0.5; null ("not reached") when S stays above it.

/** One stay: its length in days, whether it ended (event) or was cut off (censored), and whether it ended by moving up. */
export interface Observation {
  days: number;
  event: boolean;
  forward?: boolean;
}

/** Stays already counted per length, as SQL returns them: `forward` of the `events` moved up a stage. */
export interface DayCount {
  days: number;
  events: number;
  censored: number;
  forward?: number;
}

export interface CurvePoint {
  day: number;
  /** The estimated share still in the stage at the end of `day`. */
  survival: number;
  /** Stays still in the stage just before `day` (those ending or censored on it included). */
  atRisk: number;
  lower: number;
  upper: number;
}

export interface KmResult {
  spells: number;
  events: number;
  censored: number;
  medianDays: number | null;
  /** Events that moved to a higher stage. */
  forwardExits: number;
  /** forwardExits / events; null when nothing ended. */
  forwardShare: number | null;
  /** The longest stay observed (ended or not), so a chart can run the last step on; null without stays. */
  maxDays: number | null;
  /** Starts at {day 0, survival 1, atRisk n}; then one point per distinct event day. */
  curve: CurvePoint[];
  /** The estimate read off at the requested days (`at`), with the stays at risk then. */
  at: CurvePoint[];
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** Products like (2/3)(3/4) land a hair off 0.5 in floating point; the median test allows for it. */
const EPS = 1e-12;

function isDayCount(x: Observation | DayCount): x is DayCount {
  return "events" in x;
}

/** Collapse observations and/or counts into one row per day, in day order. */
export function countByDay(input: readonly (Observation | DayCount)[]): DayCount[] {
  // One fresh row per input, sorted by day, then equal days merged: the portfolio's input (a few
  // thousand counts per page, one per day already) costs a sort, not a map and a sort.
  const rows: Required<DayCount>[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    if (!Number.isInteger(x.days) || x.days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${x.days}`);
    if (isDayCount(x)) {
      const forward = x.forward ?? 0;
      if (!(Number.isInteger(x.events) && x.events >= 0 && Number.isInteger(x.censored) && x.censored >= 0 && Number.isInteger(forward) && forward >= 0) || forward > x.events) {
        throw new RangeError(`bad counts on day ${x.days}`);
      }
      rows[i] = { days: x.days, events: x.events, censored: x.censored, forward };
    } else {
      rows[i] = { days: x.days, events: x.event ? 1 : 0, censored: x.event ? 0 : 1, forward: x.event && x.forward ? 1 : 0 };
    }
  }
  rows.sort((a, b) => a.days - b.days);
  const out: Required<DayCount>[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.days === r.days) {
      last.events += r.events;
      last.censored += r.censored;
      last.forward += r.forward;
    } else out.push(r);
  }
  return out;
}

function band(survival: number, greenwood: number): { lower: number; upper: number } {
  if (survival <= 0) return { lower: 0, upper: 0 };
  if (survival >= 1) return { lower: 1, upper: 1 };
  const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return { lower: survival ** Math.exp(Z95 * se), upper: survival ** Math.exp(-Z95 * se) };
}

/** The Kaplan–Meier estimate over the given stays; `at` lists days to read the estimate off at (e.g. for a number-at-risk row). */
export function kaplanMeier(input: readonly (Observation | DayCount)[], opts: { at?: readonly number[] } = {}): KmResult {
  const days = countByDay(input);
  const spells = days.reduce((t, d) => t + d.events + d.censored, 0);
  const events = days.reduce((t, d) => t + d.events, 0);
  const forwardExits = days.reduce((t, d) => t + (d.forward ?? 0), 0);
  const curve: CurvePoint[] = [{ day: 0, survival: 1, atRisk: spells, lower: 1, upper: 1 }];
  let atRisk = spells;
  let survival = 1;
  let greenwood = 0;
  let medianDays: number | null = null;
  for (const d of days) {
    if (d.events > 0) {
      survival = d.events === atRisk ? 0 : survival * (1 - d.events / atRisk);
      if (survival > 0) greenwood += d.events / (atRisk * (atRisk - d.events));
      curve.push({ day: d.days, survival, atRisk, ...band(survival, greenwood) });
      if (medianDays === null && survival <= 0.5 + EPS) medianDays = d.days;
    }
    atRisk -= d.events + d.censored;
  }
  const at = (opts.at ?? []).map((day) => readAt(curve, days, day));
  return {
    spells,
    events,
    censored: spells - events,
    medianDays,
    forwardExits,
    forwardShare: events > 0 ? forwardExits / events : null,
    maxDays: days.length > 0 ? days[days.length - 1]!.days : null,
    curve,
    at,
  };
}

/** The estimate at the end of `day` (the last event day on or before it), with the stays lasting at least `day` as at risk. */
function readAt(curve: CurvePoint[], days: DayCount[], day: number): CurvePoint {
  let point = curve[0]!;
  for (const p of curve) {
    if (p.day > day) break;
    point = p;
  }
  const atRisk = days.reduce((t, d) => (d.days >= day ? t + d.events + d.censored : t), 0);
  return { day, survival: point.survival, atRisk, lower: point.lower, upper: point.upper };
}

/**
 * Fewer points for a drawing: keeps the first and last points and every point whose estimate or
 * band moved by at least `step` since the last kept one. At step 0.0025 the dropped steps are under
 * a pixel on a chart a few hundred pixels tall, and a firm of any size sends at most ~400 per stage.
 */
export function thinCurve(curve: readonly CurvePoint[], step = 0.0025): CurvePoint[] {
  if (curve.length <= 2) return [...curve];
  const out: CurvePoint[] = [curve[0]!];
  for (let i = 1; i < curve.length - 1; i++) {
    const p = curve[i]!;
    const last = out[out.length - 1]!;
    const moved = Math.max(Math.abs(p.survival - last.survival), Math.abs(p.lower - last.lower), Math.abs(p.upper - last.upper));
    // Keep the step that crosses one half, so the drawn median is where the table says it is.
    const crossesHalf = last.survival > 0.5 + EPS && p.survival <= 0.5 + EPS;
    if (moved >= step || crossesHalf) out.push(p);
  }
  out.push(curve[curve.length - 1]!);
  return out;
}

/** Four decimals: a hundredth of a percentage point, far below what the chart or its table shows. */
const roundShare = (v: number) => Math.round(v * 10_000) / 10_000;

/** A point as the page sends it: day, survival, lower, upper, at risk. */
export type PackedPoint = [day: number, survival: number, lower: number, upper: number, atRisk: number];

/**
 * A curve as the page sends it to the browser: thinned (thinCurve), its shares rounded to four
 * decimals, and each point an array rather than an object. Full doubles ("0.9990060733135074")
 * made the six stages' curves about 120 KB of the portfolio page at 10,000 clients; the rounding
 * took a third of that, and the arrays most of the rest: the keys were half of each point, and the
 * page carries the payload twice (as JSON inside a script, its quotes escaped).
 */
export function drawingCurve(curve: readonly CurvePoint[], step = 0.0025): PackedPoint[] {
  return thinCurve(curve, step).map((p) => [p.day, roundShare(p.survival), roundShare(p.lower), roundShare(p.upper), p.atRisk]);
}
