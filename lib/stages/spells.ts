// Stage spells: the runs of one inferred stage in a client's history. A spell opens at the
// assessment that first shows its stage and ends on the date of the assessment that shows the
// next one (in either direction); the last spell is open. Overrides play no part.

export interface Spell {
  /** The position (seq) in the history of the assessment that opened the spell. */
  startSeq: number;
  stage: number;
  started: string;
  /** The next spell's start date; null while open. */
  ended: string | null;
  nextStage: number | null;
}

/** The spells of one history, given as its assessments in seq order (index = seq). */
export function spellsOf(history: readonly { date: string; stage: number }[]): Spell[] {
  const spells: Spell[] = [];
  history.forEach((a, seq) => {
    const open = spells[spells.length - 1];
    if (open && open.stage === a.stage) return;
    if (open) {
      open.ended = a.date;
      open.nextStage = a.stage;
    }
    spells.push({ startSeq: seq, stage: a.stage, started: a.date, ended: null, nextStage: null });
  });
  return spells;
}

/**
 * The first spell to rewrite after the history changed from position `k` on: the spell holding
 * assessment k − 1 (its end and next stage may change), or the first spell when k is 0.
 */
export function firstChangedSpell(spells: readonly Spell[], k: number): number {
  if (k <= 0) return spells.length ? spells[0]!.startSeq : 0;
  let start = 0;
  for (const s of spells) {
    if (s.startSeq <= k - 1) start = s.startSeq;
    else break;
  }
  return start;
}
