import { sql, type SQL } from "drizzle-orm";
import { kaplanMeier, type DayCount, type KmResult } from "../../../lib/insight/km";
import type { Portfolio } from "../portfolio";

// The Kaplan–Meier estimate's SQL input and its reading, shared by getTimeInStage
// (./time-in-stage.ts, which describes what counts) and the portfolio's one pass over the spells
// (../portfolio.ts). Only a type comes from the portfolio module, so neither imports the other.

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

/**
 * Kaplan–Meier's CTEs over `source`: a relation of the visible clients' spells (stage, started,
 * ended, next_stage, archived, archived_on; archived clients included) that holds at least every
 * spell started by the range end and not ended before its start. They end in `km_lengths`, the
 * counts per stage and length; `SURVIVAL_COUNTS` turns those into one row per stage.
 * getTimeInStage reads stage_spells through them, and the portfolio's one pass over the spells
 * (db/queries/portfolio.ts) reads its own rows through them: one definition of the estimate's input.
 */
export function survivalCtes(f: Portfolio["filters"], source: SQL): SQL {
  return sql`km_observed as (
      select stage, started, ended, next_stage,
        -- least() skips nulls: the range end, or the archive date when earlier.
        least(${f.to}::date, case when archived then archived_on end) as cut
      from ${source}
    ),
    km_spells as (
      select stage, started, next_stage, cut, (ended is not null and ended <= cut) as event, ended
      from km_observed
      where started <= cut and least(coalesce(ended, cut), cut) >= ${f.from}::date
    ),
    km_lengths as (
      select stage, (case when event then ended else cut end) - started as days,
        count(*) filter (where event) as events, count(*) filter (where not event) as censored,
        count(*) filter (where event and next_stage > stage) as forward
      from km_spells
      group by 1, 2
    )`;
}

/**
 * One row per stage, its lengths as one JSON array of [days, events, censored, forward]:
 * thousands of small rows cost more to send and parse than the counting (most of all on PGlite,
 * whose driver copies every field of every row). Unordered: kaplanMeier sorts the days itself,
 * and sorting them here took about a third of the statement at 10,000 clients.
 */
export const SURVIVAL_COUNTS = sql`select stage, json_agg(json_build_array(days, events, censored, forward)) as counts from km_lengths group by stage`;

export type SurvivalCountsRow = { stage: number | string; counts: [number, number, number, number][] | string };

/** The estimate per stage from SURVIVAL_COUNTS' rows (a stage without a row has no stays). */
export function survivalOf(f: Portfolio["filters"], rows: readonly SurvivalCountsRow[]): TimeInStage {
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

