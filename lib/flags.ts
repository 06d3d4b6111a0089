// Thresholds for the attention flags, one definition for the client list, the portfolio and the API.
// The SQL in db/queries/client-status.ts computes the flags for many clients at once; the pure
// functions below state the same rules for one client (and are what the unit tests pin down).
export const NO_CHECKIN_DAYS = 45;
export const STALLED_DAYS = 120;
export const RECENT_REGRESSION_DAYS = 90;
export const SELF_ASSESSMENT_GAP = 2;

/**
 * "Overdue": in the stage far longer than stays there usually last. The threshold of a stage is the
 * day by which the Kaplan–Meier estimate of the share still in it has fallen to OVERDUE_SURVIVAL
 * (its 90th percentile), over the firm's own spells of the stage (open ones censored at today,
 * archived clients at their archive date); with fewer than OVERDUE_MIN_SPELLS of them, over all
 * firms' anonymous aggregates instead (stage_spell_norms). A stage whose estimate never falls that
 * low has no threshold and flags nobody. However short the threshold, nobody is overdue before
 * more than OVERDUE_MIN_DAYS days, never in stage 6, the top of the ladder, and never once archived
 * (the stay ended with the archive). The thresholds come from db/queries/insight/spell-durations.ts:
 * one grouped statement per firm, remembered for a minute, then constants in the status SQL.
 */
export const OVERDUE_SURVIVAL = 0.1;
export const OVERDUE_MIN_SPELLS = 30;
export const OVERDUE_MIN_DAYS = 60;

export type Flag = "no-recent-checkin" | "stalled" | "regressed" | "override-differs" | "self-assessment-gap" | "overdue";
export const FLAGS: Flag[] = ["no-recent-checkin", "stalled", "regressed", "override-differs", "self-assessment-gap", "overdue"];

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

export interface CheckInRecency {
  /** The latest check-in's date, or null when the client has none. */
  lastCheckIn: string | null;
  /** The day the client was created (YYYY-MM-DD). */
  createdOn: string;
  /** The user's today (YYYY-MM-DD). */
  today: string;
}

/**
 * "No check-in for more than NO_CHECKIN_DAYS days": counted from the last check-in, or, for a
 * client without one, from the day it was created. It fires once more than NO_CHECKIN_DAYS whole
 * days have passed (on day 46), which is what the label says.
 */
export function noRecentCheckIn({ lastCheckIn, createdOn, today }: CheckInRecency): boolean {
  return daysBetween(lastCheckIn ?? createdOn, today) > NO_CHECKIN_DAYS;
}

/** A client with no check-in yet that is not overdue for its first one: shown as "new". */
export function isNewClient(r: CheckInRecency): boolean {
  return r.lastCheckIn === null && !noRecentCheckIn(r);
}

/** The overdue rule for one client, given its stage's threshold (null when the stage has none). */
export function isOverdue({ stage, daysInStage, threshold, archived = false }: { stage: number | null; daysInStage: number | null; threshold: number | null; archived?: boolean }): boolean {
  if (stage === null || stage === 6 || archived || daysInStage === null || threshold === null) return false;
  return daysInStage > threshold && daysInStage > OVERDUE_MIN_DAYS;
}
