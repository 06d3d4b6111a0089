// Ordering, history (time since first account, regressions) and the entries themselves.
import type { Stage, StageEntry, StageInput } from "./types";
import { dayNumber } from "./dates";
import { ATTITUDE_STAGE, Evaluation } from "./rules";
import { missingFor, supportingFacts, attitudeDirection, type WayOut } from "./explain";
import { messagesFor, type Locale } from "./messages";
import { ENGINE_FIELDS } from "./vocabulary";

export interface InferOptions {
  locale?: Locale;
}

/** Automation share falling by at least this much since the last check-in is "automation dropping". */
export const AUTOMATION_DROP = 0.2;
/** Confidence: 0.5 plus up to this much for the share of the stage's signals present. */
const SIGNAL_WEIGHT = 0.4;
const ATTITUDE_AGREES = 0.1;
const ATTITUDE_CONTRADICTS = 0.2;
const HELD_PENALTY = 0.2;

function canonicalKey(c: StageInput): string {
  const parts: unknown[] = [];
  for (const d of ENGINE_FIELDS) {
    const v = c[d.key];
    parts.push(Array.isArray(v) ? v.join(",") : (v ?? ""));
  }
  return parts.join("\u0001");
}

/** Chronological order; same-date check-ins ordered by content so input order never matters. */
function chronological(checkIns: readonly StageInput[]): number[] {
  const n = checkIns.length;
  const order = new Array<number>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && checkIns[i - 1]!.date >= checkIns[i]!.date) sorted = false;
  }
  if (sorted) return order;
  const keys: (string | undefined)[] = new Array(n);
  const key = (i: number) => (keys[i] ??= canonicalKey(checkIns[i]!));
  order.sort((a, b) => {
    const da = checkIns[a]!.date;
    const db = checkIns[b]!.date;
    if (da !== db) return da < db ? -1 : 1;
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  return order;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The stage as of each check-in, oldest first (`index` points back into `checkIns`).
 * Each stage depends only on that check-in and earlier ones.
 */
export function inferStages(checkIns: readonly StageInput[], opts?: InferOptions): StageEntry[] {
  const n = checkIns.length;
  const out = new Array<StageEntry>(n);
  if (n === 0) return out;
  const m = messagesFor(opts?.locale);
  const order = chronological(checkIns);

  let stage = 0; // smoothed stage as of the previous check-in (0 = none yet)
  let prevRaw = 0;
  let prev: StageInput | null = null;
  let sinceDay = NaN; // latest accounts_since given so far
  let firstAccountDay = NaN; // date of the first check-in listing any account
  const way: WayOut = { automationDropped: false, scheduleAppeared: false };

  for (let k = 0; k < n; k++) {
    const index = order[k]!;
    const c = checkIns[index]!;
    const day = dayNumber(c.date);
    if (c.accountsSince !== null && c.accountsSince !== undefined) sinceDay = dayNumber(c.accountsSince);
    const hasAccounts = c.accounts.length > 0;
    if (hasAccounts && firstAccountDay !== firstAccountDay) firstAccountDay = day;
    let age = -1;
    if (hasAccounts) {
      age = day - (sinceDay === sinceDay ? sinceDay : firstAccountDay);
      if (age < 0) age = 0;
    }

    const e = new Evaluation(c, age, sinceDay === sinceDay, stage === 0 || stage >= 4);
    const raw = e.raw;
    let held = false;
    let droppedFrom = 0;
    if (stage === 0 || raw >= stage) {
      stage = raw;
    } else if (prevRaw < stage) {
      droppedFrom = stage;
      stage = prevRaw > raw ? prevRaw : raw;
    } else {
      held = true;
    }
    const s = stage as Stage;

    way.automationDropped = prev !== null && prev.automatedShare - c.automatedShare >= AUTOMATION_DROP;
    way.scheduleAppeared = prev !== null && prev.rhythm !== "scheduled" && e.scheduled;

    const reasons: string[] = [];
    if (held) reasons.push(m.reasons.held(s, raw));
    else if (droppedFrom !== 0) reasons.push(m.reasons.dropped(droppedFrom as Stage));
    supportingFacts(m, s, e, way, reasons);

    let confidence = 0.5 + SIGNAL_WEIGHT * e.signals(s);
    if (e.attitude !== null) {
      reasons.push(m.reasons.attitude(e.attitude, attitudeDirection(e, s)));
      const d = ATTITUDE_STAGE[e.attitude] - s;
      if (d === 0) confidence += ATTITUDE_AGREES;
      else if (d >= 2 || d <= -2) confidence -= ATTITUDE_CONTRADICTS;
    }
    if (held) confidence -= HELD_PENALTY;
    confidence = confidence > 1 ? 1 : confidence < 0.05 ? 0.05 : round2(confidence);

    out[k] = { index, date: c.date, stage: s, confidence, reasons, missing: missingFor(m, s, e) };
    prevRaw = raw;
    prev = c;
  }
  return out;
}
