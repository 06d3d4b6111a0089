// Ordering, history (time since first account, regressions) and the entries themselves.
import type { Stage, StageEntry, StageInput } from "./types";
import { dayNumber } from "./dates";
import { ATTITUDE_STAGE, Evaluation } from "./rules";
import { missingFor, supportingFacts, attitudeDirection, type WayOut } from "./explain";
import { messagesFor, type Locale } from "./messages";
import { ENGINE_FIELDS } from "./vocabulary";
import { DEFAULT_SETTINGS, MAX_CONFIRM_BACK, type StageSettings } from "./settings";

export interface InferOptions {
  locale?: Locale;
  /** The firm's thresholds (settings.ts); the defaults when not given. */
  settings?: StageSettings;
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
 * The walk through a history in chronological order: account age, the raw stage of each
 * check-in, and the smoothed stage with its move-back rule. inferStages explains each step;
 * latestStage only takes the last.
 */
class Walk {
  /** Smoothed stage as of the latest step (0 = none yet). */
  stage = 0;
  /** This step held the stage although its raw stage was lower. */
  held = false;
  /** The stage this step dropped from (0 = no drop). */
  droppedFrom = 0;
  readonly confirm: number;
  private k = 0;
  // The latest raw stages, a ring indexed by k % MAX_CONFIRM_BACK: a drop looks back over them.
  private readonly recent = new Int8Array(MAX_CONFIRM_BACK);
  private sinceDay = NaN; // latest accounts_since given so far
  private firstAccountDay = NaN; // date of the first check-in listing any account

  constructor(private readonly settings: StageSettings) {
    this.confirm = Math.min(MAX_CONFIRM_BACK, Math.max(1, Math.floor(settings.confirmBackCheckIns) || 1));
  }

  step(c: StageInput): Evaluation {
    const day = dayNumber(c.date);
    if (c.accountsSince !== null && c.accountsSince !== undefined) this.sinceDay = dayNumber(c.accountsSince);
    const hasAccounts = c.accounts.length > 0;
    if (hasAccounts && this.firstAccountDay !== this.firstAccountDay) this.firstAccountDay = day;
    let age = -1;
    if (hasAccounts) {
      age = day - (this.sinceDay === this.sinceDay ? this.sinceDay : this.firstAccountDay);
      if (age < 0) age = 0;
    }

    let stage = this.stage;
    const e = new Evaluation(c, age, this.sinceDay === this.sinceDay, stage === 0 || stage >= 4, this.settings);
    const raw = e.raw;
    const k = this.k;
    const confirm = this.confirm;
    this.held = false;
    this.droppedFrom = 0;
    if (stage === 0 || raw >= stage) {
      stage = raw;
    } else {
      // Backwards only when this and the `confirm - 1` check-ins before it are all below the
      // stage; it drops to the highest of those raw stages.
      let below = k >= confirm - 1;
      let top: number = raw;
      for (let j = 1; below && j < confirm; j++) {
        const r = this.recent[(k - j) % MAX_CONFIRM_BACK]!;
        if (r >= stage) below = false;
        else if (r > top) top = r;
      }
      if (below) {
        this.droppedFrom = stage;
        stage = top;
      } else {
        this.held = true;
      }
    }
    this.recent[k % MAX_CONFIRM_BACK] = raw;
    this.k = k + 1;
    this.stage = stage;
    return e;
  }
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
  const walk = new Walk(opts?.settings ?? DEFAULT_SETTINGS);
  const order = chronological(checkIns);
  let prev: StageInput | null = null;
  const way: WayOut = { automationDropped: false, scheduleAppeared: false };

  for (let k = 0; k < n; k++) {
    const index = order[k]!;
    const c = checkIns[index]!;
    const e = walk.step(c);
    const raw = e.raw;
    const held = walk.held;
    const droppedFrom = walk.droppedFrom;
    const s = walk.stage as Stage;

    way.automationDropped = prev !== null && prev.automatedShare - c.automatedShare >= AUTOMATION_DROP;
    way.scheduleAppeared = prev !== null && prev.rhythm !== "scheduled" && e.scheduled;

    const reasons: string[] = [];
    if (held) reasons.push(m.reasons.held(s, raw));
    else if (droppedFrom !== 0) reasons.push(m.reasons.dropped(droppedFrom as Stage, walk.confirm));
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
    prev = c;
  }
  return out;
}

/**
 * The stage as of the latest check-in (the last entry inferStages would give), without reasons,
 * missing items or confidence: for running a whole firm under candidate rules (the what-if). Null
 * without check-ins.
 */
export function latestStage(checkIns: readonly StageInput[], settings: StageSettings = DEFAULT_SETTINGS): Stage | null {
  const n = checkIns.length;
  if (n === 0) return null;
  const walk = new Walk(settings);
  const order = chronological(checkIns);
  for (let k = 0; k < n; k++) walk.step(checkIns[order[k]!]!);
  return walk.stage as Stage;
}
