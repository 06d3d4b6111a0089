// How long the firm's stays in a stage lasted, as the rows Kaplan–Meier needs: (stage, days,
// events, censored). The same rule as the all-firm aggregates of stage_spell_norms (migration
// 0008): a spell that ended by `today` (or by its client's archive date) is an event at its length;
// one still open then is censored there. Used by the overdue flag (db/queries/client-status.ts)
// and by a client's outlook (db/queries/insight/outlook.ts), both through the summaries below,
// which each process remembers for a minute.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../index";
import { OVERDUE_MIN_SPELLS, OVERDUE_SURVIVAL } from "../../../lib/flags";
import { firstDayAtOrBelow, type DurationRow } from "../../../lib/insight/outlook";

/**
 * `select stage, days, events, censored` over the firm's spells matching `where` (a condition on
 * `s`, the spell). Every spell is first counted as of today, grouped, from stage_spells alone (one
 * index pass, no join: 50,000 spells in about 15 ms); the few archived clients' spells are then
 * taken back out and counted again as of their archive date. The CTEs are MATERIALIZED so that the
 * planner keeps that shape (inlined, it chose a parallel plan whose start-up alone cost more).
 */
export function firmDurationsSql(firmId: string, today: string, where: SQL = sql`true`): SQL {
  const t = sql`${today}::date`;
  return sql`
    with today_rows as materialized (
      select s.stage::int as stage, (least(coalesce(s.ended, ${t}), ${t}) - s.started)::int as days,
             count(*) filter (where s.ended <= ${t}) as events, count(*) filter (where s.ended is null or s.ended > ${t}) as censored
      from stage_spells s where s.firm_id = ${firmId}::uuid and s.started <= ${t} and ${where}
      group by 1, 2
    ),
    archived as materialized (
      select s.stage::int as stage, s.started, s.ended, least(${t}, c.archived_on) as lim
      from clients c join stage_spells s on s.client_id = c.id
      where c.firm_id = ${firmId}::uuid and c.archived_on is not null and s.started <= ${t} and ${where}
    )
    select stage, days, sum(events)::bigint as events, sum(censored)::bigint as censored from (
      select stage, days, events, censored from today_rows
      union all
      select stage, (least(coalesce(ended, ${t}), ${t}) - started)::int, -(case when ended <= ${t} then 1 else 0 end), -(case when ended is null or ended > ${t} then 1 else 0 end)
      from archived
      union all
      select stage, (least(coalesce(ended, lim), lim) - started)::int, case when ended <= lim then 1 else 0 end, case when ended is null or ended > lim then 1 else 0 end
      from archived where started <= lim
    ) x
    group by 1, 2
    having sum(events) <> 0 or sum(censored) <> 0`;
}

/** A stage's rows, by stage. */
export type DurationsByStage = ReadonlyMap<number, readonly DurationRow[]>;

function byStage(rows: { stage: number | string; days: number | string; events: number | string; censored: number | string }[]): DurationsByStage {
  const out = new Map<number, DurationRow[]>();
  for (const r of rows) {
    const stage = Number(r.stage);
    const list = out.get(stage) ?? [];
    list.push({ days: Number(r.days), events: Number(r.events), censored: Number(r.censored) });
    out.set(stage, list);
  }
  return out;
}

/**
 * These summaries cover every stay of a firm (or of all firms) and move slowly, so each server
 * process keeps them for REMEMBER_MS per firm and day: the client list, the API and the client page
 * then pay for the grouped pass about once a minute per firm, not on every request. A write shows
 * at once in the client it changed (its days in stage are read with its row); only the firm-wide
 * summaries may lag by up to a minute.
 */
const REMEMBER_MS = 60_000;
const memo = new Map<string, { at: number; value: unknown }>();

async function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && now - hit.at < REMEMBER_MS) return hit.value as T;
  const value = await compute();
  if (memo.size >= 1000) memo.clear();
  memo.set(key, { at: now, value });
  return value;
}

/** Forgets every remembered summary (tests that change a firm's stays and read them again). */
export function forgetSpellSummaries(): void {
  memo.clear();
}

/** The firm's stays of every stage as of `today`, grouped by length: one statement, remembered. */
export function firmDurations(db: Db | Tx, firmId: string, today: string): Promise<DurationsByStage> {
  return remember(`firm|${firmId}|${today}`, async () => byStage(await queryRows(db, firmDurationsSql(firmId, today))));
}

/** All firms' anonymous aggregates (stage_spell_norms) as of `today`: the same for every firm, remembered. */
export function allFirmDurations(db: Db | Tx, today: string): Promise<DurationsByStage> {
  return remember(`all|${today}`, async () => byStage(await queryRows(db, sql`select stage, days, events, censored from stage_spell_norms(${today}::date)`)));
}

/** Stage → the day after which a stay in it is overdue; a stage without a threshold is absent. */
export type OverdueThresholds = ReadonlyMap<number, number>;

/**
 * Per stage, the first day on which the Kaplan–Meier estimate of the share still in it is at or
 * below OVERDUE_SURVIVAL (lib/flags.ts): over the firm's stays, or over all firms' aggregates for a
 * stage with fewer than OVERDUE_MIN_SPELLS of the firm's (read only when some stage needs them).
 * Computed with the same Kaplan–Meier as the outlook (lib/insight/outlook.ts), once per firm and
 * day per minute, never per client.
 */
export function overdueThresholds(db: Db | Tx, firmId: string, today: string): Promise<OverdueThresholds> {
  return remember(`thresholds|${firmId}|${today}`, async () => {
    const firm = await firmDurations(db, firmId, today);
    const spells = (rows: readonly DurationRow[]) => rows.reduce((n, r) => n + r.events + r.censored, 0);
    const few = [...firm].some(([, rows]) => spells(rows) < OVERDUE_MIN_SPELLS);
    const all = few ? await allFirmDurations(db, today) : null;
    const out = new Map<number, number>();
    for (const [stage, rows] of firm) {
      const source = spells(rows) >= OVERDUE_MIN_SPELLS ? rows : (all?.get(stage) ?? rows);
      const day = firstDayAtOrBelow(source, OVERDUE_SURVIVAL);
      if (day !== null) out.set(stage, day);
    }
    return out;
  });
}

/** The thresholds as a SQL expression of the row's `stage`: null for a stage without one. */
export function thresholdOfStageSql(thresholds: OverdueThresholds): SQL {
  if (thresholds.size === 0) return sql`null::int`;
  return sql`(case stage ${sql.join([...thresholds].map(([stage, days]) => sql.raw(`when ${Math.trunc(stage)} then ${Math.trunc(days)}`)), sql` `)} end)`;
}
