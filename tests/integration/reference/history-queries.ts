import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

// The portfolio and status figures as they were computed before stage_spells and client_status
// existed: window functions over the whole stored assessment history (stage_assessments). Kept
// here only as the reference the stored rows are compared with
// (tests/integration/spells-equivalence.test.ts).

export interface RefFilter {
  firmId: string;
  consultantId?: string;
  from: string;
  to: string;
}

const visible = (f: RefFilter) => sql`visible as (
  select c.id, a.consultant_id from clients c left join assignments a on a.client_id = c.id
  where c.firm_id = ${f.firmId} and c.archived = false ${f.consultantId ? sql`and a.consultant_id = ${f.consultantId}::uuid` : sql``}
)`;
const stageAt = (client: SQL, day: SQL) =>
  sql`(select sa.stage from stage_assessments sa where sa.client_id = ${client} and sa.date <= ${day} order by sa.seq desc limit 1)`;
const hist = sql`hist as (
  select sa.client_id, sa.seq, sa.date, sa.stage, lag(sa.stage) over (partition by sa.client_id order by sa.seq) as prev
  from stage_assessments sa join visible v on v.id = sa.client_id
)`;

/** Per client: the stage at the end of `from` and of `to`. */
export async function refEnds(db: Db, f: RefFilter) {
  return queryRows<{ id: string; consultant_id: string | null; at_start: number | null; at_end: number | null }>(
    db,
    sql`with ${visible(f)} select v.id, v.consultant_id, ${stageAt(sql`v.id`, sql`${f.from}::date`)} as at_start, ${stageAt(sql`v.id`, sql`${f.to}::date`)} as at_end from visible v`,
  );
}

/** Per month of the range and stage: clients whose last assessment by the month's end (or `to`) has that stage. */
export async function refOverTime(db: Db, f: RefFilter) {
  return queryRows<{ month: string; stage: number; count: number }>(
    db,
    sql`with ${visible(f)},
    months as (
      select to_char(m, 'YYYY-MM') as month, least((m + interval '1 month' - interval '1 day')::date, ${f.to}::date) as as_of
      from generate_series(date_trunc('month', ${f.from}::timestamp), date_trunc('month', ${f.to}::timestamp), interval '1 month') as m
    )
    select months.month, s.stage, count(*)::int as count from months
    cross join visible v
    join lateral (select sa.stage from stage_assessments sa where sa.client_id = v.id and sa.date <= months.as_of order by sa.seq desc limit 1) s on true
    group by 1, 2 order by 1, 2`,
  );
}

/** Moves (consecutive assessments with different stages) dated within the range. */
export async function refFlows(db: Db, f: RefFilter) {
  return queryRows<{ from_stage: number; to_stage: number; count: number; clients: number }>(
    db,
    sql`with ${visible(f)}, ${hist}
    select prev as from_stage, stage as to_stage, count(*)::int as count, count(distinct client_id)::int as clients from hist
    where prev is not null and prev <> stage and date between ${f.from}::date and ${f.to}::date
    group by 1, 2 order by 1, 2`,
  );
}

/** Completed spells ending within the range, by stage: count and the sorted lengths in days. */
export async function refCompletedSpells(db: Db, f: RefFilter) {
  return queryRows<{ stage: number; days: number[] }>(
    db,
    sql`with ${visible(f)}, ${hist},
    spells as (select client_id, stage, date as started, lead(date) over (partition by client_id order by seq) as ended from hist where prev is null or prev <> stage)
    select stage, array_agg(ended - started order by ended - started) as days from spells
    where ended between ${f.from}::date and ${f.to}::date group by stage order by stage`,
  );
}

/** Each client's current status as the list used to compute it per request. */
export async function refStatus(db: Db, firmId: string) {
  return queryRows<{ id: string; stage: number | null; since: string | null; prev: number | null; last: string | null; n: number; ovr: number | null; self: number | null; self_date: string | null }>(
    db,
    sql`with visible as (select id from clients where firm_id = ${firmId}),
    ${hist},
    cur as (select distinct on (client_id) client_id, stage, date from hist order by client_id, seq desc),
    counts as (select client_id, count(*)::int as n from hist group by client_id),
    last_change as (select distinct on (client_id) client_id, date as since, prev from hist where prev is null or prev <> stage order by client_id, seq desc)
    select v.id, cur.stage, last_change.since::text as since, last_change.prev, cur.date::text as last, coalesce(counts.n, 0) as n,
      (select o.stage from stage_overrides o where o.client_id = v.id and o.withdrawn_at is null order by o.created_at desc limit 1) as ovr,
      (select s.stage from self_assessments s where s.client_id = v.id order by s.created_at desc limit 1) as self,
      (select s.date::text from self_assessments s where s.client_id = v.id order by s.created_at desc limit 1) as self_date
    from visible v left join cur on cur.client_id = v.id left join counts on counts.client_id = v.id left join last_change on last_change.client_id = v.id
    order by v.id`,
  );
}

/**
 * The first `limit` visible clients of each consultant by name (the unassigned as one more list),
 * with the stage held and the last check-in at `to`, as firstClientsPerConsultant numbered them
 * before it read each list from the name index: every visible client numbered within its
 * consultant's list. Ordered by consultant name (the unassigned last), then name.
 */
export async function refFirstClients(db: Db, f: RefFilter & { industry?: string }, limit: number) {
  return queryRows<{ id: string; consultant_id: string | null; stage: number | null; last_check_in: string | null }>(
    db,
    sql`with v as (
      select c.id, c.name_key, a.consultant_id from clients c left join assignments a on a.client_id = c.id
      where c.firm_id = ${f.firmId} and c.archived = false
        ${f.consultantId ? sql`and a.consultant_id = ${f.consultantId}::uuid` : sql``}
        ${f.industry ? sql`and c.industry = ${f.industry}` : sql``}
    ),
    numbered as (select v.*, row_number() over (partition by v.consultant_id order by v.name_key, v.id) as rn from v)
    select n.id, n.consultant_id, ${stageAt(sql`n.id`, sql`${f.to}::date`)} as stage,
      (select k.date::text from check_ins k where k.client_id = n.id and k.date <= ${f.to}::date order by k.date desc limit 1) as last_check_in
    from numbered n left join users u on u.id = n.consultant_id
    where n.rn <= ${limit}
    order by u.name nulls last, n.consultant_id, n.name_key, n.id`,
  );
}
