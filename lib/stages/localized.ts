// The engine's words in any language and voice, for history stored in English. Stored assessments
// (stage_assessments.reasons / missing) hold the English the engine wrote; the engine is pure,
// deterministic and prefix-stable, so re-running it over the same check-ins in the same order
// (db/queries/stage-history.ts: by date, then creation) gives the same stages with the words in
// another catalogue.
import { inferStages } from "./infer";
import { ATTITUDES } from "./vocabulary";
import { inVoice, messagesFor, type Locale, type StageMessages, type Voice } from "./messages";
import type { Stage, StageInput } from "./types";
import { MAX_CONFIRM_BACK, type StageSettings } from "./settings";

export interface Explanation {
  /** Position in the engine's order (stage_assessments.seq). */
  seq: number;
  date: string;
  stage: Stage;
  reasons: string[];
  missing: string[];
}

/**
 * The reasons and missing items of each check-in in `locale`: `result[i]` explains
 * `fieldsInOrder[i]`. Pass the check-ins as the stored history was computed (date, then creation).
 */
export function explainHistory(fieldsInOrder: readonly StageInput[], locale: Locale, voice: Voice = "consultant", settings?: StageSettings): Explanation[] {
  const entries = inVoice(voice, () => inferStages(fieldsInOrder, { locale, settings }));
  const out = new Array<Explanation>(entries.length);
  entries.forEach((e, seq) => {
    out[e.index] = { seq, date: e.date, stage: e.stage, reasons: e.reasons, missing: e.missing };
  });
  return out;
}

/** What a reason is, for a page that shows strengths apart from gaps. */
export type ReasonKind = "strength" | "gap" | "note";

const STAGES: readonly Stage[] = [1, 2, 3, 4, 5, 6];
const kindsCache = new WeakMap<StageMessages, { gaps: Set<string>; notes: Set<string> }>();

function kindsOf(m: StageMessages): { gaps: Set<string>; notes: Set<string> } {
  let k = kindsCache.get(m);
  if (!k) {
    const r = m.reasons;
    const gaps = new Set([r.noAccounts, r.noPosts, r.noSchedule, r.repliesNone, r.resultsNone]);
    const notes = new Set<string>();
    for (const s of STAGES) {
      for (let n = 1; n <= MAX_CONFIRM_BACK; n++) notes.add(r.dropped(s, n));
      for (const l of STAGES) notes.add(r.held(s, l));
    }
    for (const a of ATTITUDES) for (const d of [-1, 0, 1] as const) notes.add(r.attitude(a, d));
    k = { gaps, notes };
    kindsCache.set(m, k);
  }
  return k;
}

/** Whether a reason rendered by the (locale, voice) catalogue is a strength, a gap or a note (held, dropped, attitude). */
export function reasonKind(reason: string, locale: Locale, voice: Voice = "consultant"): ReasonKind {
  const k = kindsOf(messagesFor(locale, voice));
  return k.gaps.has(reason) ? "gap" : k.notes.has(reason) ? "note" : "strength";
}

export interface ClientExplanation extends Explanation {
  /** What the business does that supports its stage ("You post about 32 times a month"). */
  strengths: string[];
  /** What it does not do yet (the next steps say what to do about it). */
  gaps: string[];
  /** Held or dropped stage, and how the client comes across. */
  notes: string[];
}

/**
 * explainHistory in the client's own voice, with the reasons sorted into strengths, gaps and notes.
 * Pass the firm's applied rules (db/queries/rules.ts firmSettings) so the stages match the stored ones.
 */
export function explainForClient(fieldsInOrder: readonly StageInput[], locale: Locale, settings?: StageSettings): ClientExplanation[] {
  return explainHistory(fieldsInOrder, locale, "client", settings).map((e) => {
    const strengths: string[] = [];
    const gaps: string[] = [];
    const notes: string[] = [];
    for (const r of e.reasons) {
      const kind = reasonKind(r, locale, "client");
      (kind === "strength" ? strengths : kind === "gap" ? gaps : notes).push(r);
    }
    return { ...e, strengths, gaps, notes };
  });
}
