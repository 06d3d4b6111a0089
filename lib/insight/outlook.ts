// A client's outlook from how long other stays in the same stage lasted (issue #13): Kaplan–Meier
// over aggregated spell lengths, conditional on the days the client has already spent there.
// Pure: no database, no text. The query layer (db/queries/insight/outlook.ts) feeds it rows.
// The estimator itself is lib/insight/km.ts's; this module only conditions it on time already spent.
import { countByDay, kaplanMeier } from "./km";

/** Spells of one stage that lasted `days`: `events` ended that day, `censored` were still open (or archived) at that length. */
export interface DurationRow {
  days: number;
  events: number;
  censored: number;
}

/** The horizon of "moved on within the next … days". */
export const OUTLOOK_HORIZON_DAYS = 90;

/** Below this many comparable spells of its own, a firm's outlook uses all firms' anonymous aggregates. */
export const OUTLOOK_MIN_COMPARABLE = 30;

/**
 * Survival levels are compared with a small tolerance: a product like 9/10 · 8/9 · … · 1/2 is 0.1
 * exactly on paper but not always in floating point.
 */
export const SURVIVAL_EPSILON = 1e-9;

/** Spells at risk at day t: those that lasted at least t days. */
export function atRiskAt(rows: readonly DurationRow[], t: number): number {
  return rows.reduce((n, r) => (r.days >= t ? n + r.events + r.censored : n), 0);
}

/** The first day on which S(day) ≤ level, or null when the estimate never gets that low. */
export function firstDayAtOrBelow(rows: readonly DurationRow[], level: number): number | null {
  // curve[0] is the starting point (day 0, S = 1), not an observed step.
  const step = kaplanMeier(rows).curve.slice(1).find((p) => p.survival <= level + SURVIVAL_EPSILON);
  return step ? step.day : null;
}

export interface ConditionalOutlook {
  /** Spells comparable with a client t days into the stage: those that lasted at least t days. */
  comparable: number;
  /** 1 − S(t + horizon) / S(t): the estimated share of those who left the stage within the horizon; null without comparable spells. */
  movedOnWithin: number | null;
  /** The conditional median: the first u ≥ 0 with S(t + u) / S(t) ≤ 0.5; null when not reached. */
  typicalRemainingDays: number | null;
  /** How far past t the comparable spells were followed: the longest one's length − t (0 without any). */
  followUpDays: number;
}

/**
 * The outlook of a client who has spent `t` days in a stage, from the lengths of that stage's
 * spells. Only spells that reached t count; exits on day t itself are in S(t), so the ratio
 * S(t + u) / S(t) is the product of (1 − events / at risk) over the event days in (t, t + u].
 */
export function conditionalOutlook(rows: readonly DurationRow[], t: number, horizon = OUTLOOK_HORIZON_DAYS): ConditionalOutlook {
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`days in stage must be a whole number ≥ 0, got ${t}`);
  // Days with nothing on them (the client's own stay taken out, say) must not stretch the follow-up.
  const days = countByDay(rows).filter((r) => r.events + r.censored > 0);
  const comparable = atRiskAt(days, t);
  if (comparable === 0) return { comparable: 0, movedOnWithin: null, typicalRemainingDays: null, followUpDays: 0 };
  // Kaplan–Meier over the stays that went on past t is exactly S(t + u) / S(t), day for day.
  const after = kaplanMeier(days.filter((r) => r.days > t), { at: [t + horizon] });
  return {
    comparable,
    movedOnWithin: 1 - after.at[0]!.survival,
    typicalRemainingDays: after.medianDays === null ? null : after.medianDays - t,
    followUpDays: days[days.length - 1]!.days - t,
  };
}
