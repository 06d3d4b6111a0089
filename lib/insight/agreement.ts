// Agreement between the inferred stage and a person's view of it (a consultant's override or the
// client's own self-assessment). Pure: callers feed pairs or pre-aggregated cell counts.
export interface AgreementPair {
  inferred: number; // stage 1..6
  other: number; // stage 1..6
}

export interface AgreementSummary {
  total: number;
  exact: number;
  /** Pairs at most one stage apart; includes the exact ones. */
  withinOne: number;
  exactShare: number | null;
  withinOneShare: number | null;
  /** matrix[inferred-1][other-1] = count; always 6x6. */
  matrix: number[][];
}

/** What the inferred stage is compared with: the consultant's active override or the client's latest self-assessment. */
export type AgreementAgainst = "override" | "self";
export const AGREEMENT_AGAINST: readonly AgreementAgainst[] = ["override", "self"];

export interface AgreementCell extends AgreementPair {
  count: number;
}

export const AGREEMENT_STAGES = [1, 2, 3, 4, 5, 6] as const;

function isStage(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 6;
}

/** Summarise pre-counted (inferred, other) cells; several cells for the same pair add up.
 *  Cells outside 1..6 or with a non-positive/non-integer count are ignored rather than
 *  corrupting the matrix (a stage outside the scale cannot be placed in it). */
export function summarizeCounts(cells: Iterable<AgreementCell>): AgreementSummary {
  const matrix = AGREEMENT_STAGES.map(() => AGREEMENT_STAGES.map(() => 0));
  let total = 0;
  let exact = 0;
  let withinOne = 0;
  for (const { inferred, other, count } of cells) {
    if (!isStage(inferred) || !isStage(other) || !Number.isInteger(count) || count <= 0) continue;
    matrix[inferred - 1][other - 1] += count;
    total += count;
    const gap = Math.abs(inferred - other);
    if (gap === 0) exact += count;
    if (gap <= 1) withinOne += count;
  }
  return {
    total,
    exact,
    withinOne,
    exactShare: total === 0 ? null : exact / total,
    withinOneShare: total === 0 ? null : withinOne / total,
    matrix,
  };
}

export function summarizeAgreement(pairs: Iterable<AgreementPair>): AgreementSummary {
  function* asCells(): Generator<AgreementCell> {
    for (const p of pairs) yield { inferred: p.inferred, other: p.other, count: 1 };
  }
  return summarizeCounts(asCells());
}
