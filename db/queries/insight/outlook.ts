// A client's outlook (issue #13): how other stays in the client's current stage went on after
// lasting as long as this one has, from the firm's own spells or, when the firm has fewer than
// OUTLOOK_MIN_COMPARABLE comparable ones, from all firms' anonymous aggregates (stage_spell_norms).
// For consultants and managers only: the percentages are not for the client's own eyes.
import type { Db, Tx } from "../../index";
import { can, type Actor } from "../../../lib/auth/permissions";
import { conditionalOutlook, OUTLOOK_HORIZON_DAYS, OUTLOOK_MIN_COMPARABLE, type DurationRow } from "../../../lib/insight/outlook";
import { getClientStatus } from "../client-status";
import { allFirmDurations, firmDurations } from "./spell-durations";

export type OutlookSource = "firm" | "all-firms";

/**
 * Why a client has no estimate:
 * - `no-stage`: no check-in yet.
 * - `top-stage`: stage 6. Leaving it can only mean slipping back, and "moved on" would read as
 *   progress, so no outlook is given (the overdue flag ignores stage 6 too, as "stalled" does).
 * - `archived`: the stay ended with the archive; there is nothing left to forecast.
 * - `no-comparable`: no stay in either source lasted this long.
 */
export type OutlookGap = "no-stage" | "top-stage" | "archived" | "no-comparable";

export interface ClientOutlook {
  stage: number | null;
  daysInStage: number | null;
  /** Null when there is an estimate. */
  unavailable: OutlookGap | null;
  source: OutlookSource | null;
  /** Stays in the source that lasted at least daysInStage, other than this client's own. */
  comparable: number;
  /** Estimated share of them that left the stage within the next OUTLOOK_HORIZON_DAYS days (0..1). */
  movedOnWithin90: number | null;
  /** The conditional median of the days still to come; null when the estimate never halves ("more than followUpDays"). */
  typicalRemainingDays: number | null;
  /** How many days past daysInStage the comparable stays were followed. */
  followUpDays: number | null;
  /** The list's "overdue" flag (lib/flags.ts), from the same query as the client list. */
  overdue: boolean;
}

/**
 * The rows without the client's own stay: an active client's open stay is in both sources as one
 * censored at t (it began on stage_since). It says nothing about what comes after t, and counting
 * it would make the client one of its own peers. A copy: the rows are shared.
 */
function withoutOwnStay(rows: readonly DurationRow[], t: number): DurationRow[] {
  let done = false;
  return rows.map((r) => {
    if (done || r.days !== t || r.censored === 0) return r;
    done = true;
    return { ...r, censored: r.censored - 1 };
  });
}

/**
 * The outlook of one client the actor may see, as of `today` (the actor's local date); null when
 * the client does not exist for the actor, or the actor is not one who sees outlooks.
 */
export async function getClientOutlook(db: Db | Tx, actor: Actor, clientId: string, today: string): Promise<ClientOutlook | null> {
  // clients.list is the consultant's and manager's permission: client users may read their own
  // client but get no outlook.
  if (!can(actor, "clients.read") || !can(actor, "clients.list")) return null;
  const status = await getClientStatus(db, actor, clientId, today);
  if (!status) return null;
  const stage = status.stage;
  const t = status.daysInStage === null ? null : Math.max(0, status.daysInStage);
  const empty = { source: null, comparable: 0, movedOnWithin90: null, typicalRemainingDays: null, followUpDays: null };
  const base = { stage, daysInStage: t, overdue: status.flags.includes("overdue") };
  const gap: OutlookGap | null = stage === null || t === null ? "no-stage" : stage === 6 ? "top-stage" : status.archived ? "archived" : null;
  if (gap || stage === null || t === null) return { ...base, ...empty, unavailable: gap ?? "no-stage" };

  // The firm's stays in this stage (remembered for a minute, spell-durations.ts), or all firms'.
  // A stay dated after today (a zone ahead of the author's) is in neither yet.
  const others = (rows: readonly DurationRow[] = []) => (status.daysInStage! >= 0 ? withoutOwnStay(rows, t) : [...rows]);
  let source: OutlookSource = "firm";
  let est = conditionalOutlook(others((await firmDurations(db, actor.firmId, today)).get(stage)), t, OUTLOOK_HORIZON_DAYS);
  if (est.comparable < OUTLOOK_MIN_COMPARABLE) {
    source = "all-firms";
    est = conditionalOutlook(others((await allFirmDurations(db, today)).get(stage)), t, OUTLOOK_HORIZON_DAYS);
  }
  return {
    ...base,
    unavailable: est.comparable === 0 ? "no-comparable" : null,
    source,
    comparable: est.comparable,
    movedOnWithin90: est.movedOnWithin,
    typicalRemainingDays: est.typicalRemainingDays,
    followUpDays: est.comparable === 0 ? null : est.followUpDays,
  };
}
