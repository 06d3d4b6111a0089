import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../index";
import { can, type Actor } from "../../../lib/auth/permissions";
import { kaplanMeier, type DayCount, type KmResult } from "../../../lib/insight/km";
import { normalise, type Portfolio, type PortfolioFilters } from "../portfolio";
import { copiesScope } from "../scope";

// Time in stage as survival curves (#13): per stage, the Kaplan–Meier estimate of how long stays
// last, over every stored spell of the visible clients that was open at any time in the range.
// - A spell's length counts from its own start, even one before `from`.
// - It ends (an event) on the date of the next stage's first assessment, in either direction.
// - It is censored at the range end, or at its client's archive date when earlier: archived
//   clients are in (the other portfolio figures leave them out), observed until they left.
//   A spell that starts after that date is dropped, and so is one whose observed part ends
//   before `from` (a client archived before the range was never in it).
// The SQL returns, per stage, the counts per length (ended, censored, moved up): a few thousand
// lengths for a firm of 10,000 clients; the estimate is computed here from those counts.

export const STAGES = [1, 2, 3, 4, 5, 6] as const;
/** The days a number-at-risk row reads the estimate off at. */
export const RISK_DAYS = [0, 30, 90, 180, 365, 730, 1095] as const;

export interface StageSurvival extends KmResult {
  stage: number;
}

export interface TimeInStage {
  filters: Portfolio["filters"];
  stages: StageSurvival[];
}

/** Per stage, the Kaplan–Meier estimate of time in stage; null for anyone but a manager, or for unusable filters. */
export async function getTimeInStage(db: Db | Tx, actor: Actor, filters: PortfolioFilters): Promise<TimeInStage | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  const rows = await queryRows<{ stage: number | string; counts: [number, number, number, number][] | string }>(
    db,
    sql`with observed as (
      select s.stage, s.started, s.ended, s.next_stage,
        -- least() skips nulls: the range end, or the archive date when earlier.
        least(${f.to}::date, case when s.archived then s.archived_on end) as cut
      -- The spells carry their client's scope and archive (copies, migration 0012): no join.
      from stage_spells s
      where ${copiesScope(actor, "s", f, true)} and s.started <= ${f.to}::date
        -- Implied by the range test below; said here so the firm-and-end index can skip the
        -- spells that ended before the range (about half of them at the default range).
        and (s.ended is null or s.ended >= ${f.from}::date)
    ),
    spells as (
      select stage, started, next_stage, cut, (ended is not null and ended <= cut) as event, ended
      from observed
      where started <= cut and least(coalesce(ended, cut), cut) >= ${f.from}::date
    ),
    lengths as (
      select stage, (case when event then ended else cut end) - started as days,
        count(*) filter (where event) as events, count(*) filter (where not event) as censored,
        count(*) filter (where event and next_stage > stage) as forward
      from spells
      group by 1, 2
    )
    -- One row per stage, its lengths as one JSON array of [days, events, censored, forward]:
    -- thousands of small rows cost more to send and parse than the counting (most of all on
    -- PGlite, whose driver copies every field of every row).
    select stage, json_agg(json_build_array(days, events, censored, forward) order by days) as counts
    from lengths group by stage`,
  );
  const byStage = new Map<number, DayCount[]>(STAGES.map((s) => [s, []]));
  for (const r of rows) {
    const counts = typeof r.counts === "string" ? (JSON.parse(r.counts) as [number, number, number, number][]) : r.counts;
    byStage.set(
      Number(r.stage),
      counts.map(([days, events, censored, forward]) => ({ days, events, censored, forward })),
    );
  }
  return {
    filters: f,
    stages: STAGES.map((stage) => ({ stage, ...kaplanMeier(byStage.get(stage)!, { at: RISK_DAYS }) })),
  };
}
