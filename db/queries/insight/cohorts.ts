import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../index";
import { users } from "../../schema";
import { can, type Actor } from "../../../lib/auth/permissions";
import { isoDay } from "../../../lib/validation/primitives";
import { normalise, visibleCte, type Portfolio, type PortfolioFilters } from "../portfolio";
import { DRILL_PAGE_SIZE, pageCut, paged, type Paged } from "../paging";

// Cohorts (#13): clients grouped by the month of their first check-in, and for each month since
// then the share of the cohort at stage 4 or above. Everything is read from the stored stage
// spells: a client's first spell starts on the date of its first check-in, and the stage held at
// the end of a day is the spell open then (as stageAt in ../portfolio.ts).
//
// Choices, so the figures are honest:
// - A cohort is a whole calendar month: every cohort month from the month of `from` to the month of
//   `to` counts, with all its clients whose first check-in is on or before `to` (a range starting
//   on the 15th does not cut its first cohort in half). Months without a first check-in have no row.
// - Archived clients stay in their cohort's size and are counted in every month that ends before
//   their archive date (clients.archived_on); from then on they leave the denominator. Dropping
//   them altogether would flatter the older cohorts (clients who gave up and were archived would
//   vanish from them), and counting them after archiving would freeze them in their last stage.
//   So each cell carries its own denominator (`clients`) beside the cohort's `size`.
// - Month k of a cohort is counted at the end of its calendar month, or at `to` for the month
//   that holds `to`.

export interface CohortCell {
  /** Months since the cohort's month (0 = the month of the first check-in). */
  k: number;
  /** YYYY-MM: the calendar month of this cell. */
  month: string;
  /** The day the cell is counted at: the month's last day, or the range end in its last month. */
  asOf: string;
  /** The cohort's clients not archived by asOf: the denominator. */
  clients: number;
  /** Of those, the clients whose stage at the end of asOf is 4 or above. */
  atOrAbove4: number;
  /** atOrAbove4 / clients, 0..1; null when every client of the cohort was archived by then. */
  share: number | null;
}

export interface CohortRow {
  /** YYYY-MM: the month of the first check-in. */
  cohort: string;
  /** Clients whose first check-in fell in that month (archived ones included). */
  size: number;
  /** k = 0, 1, … up to the month of the range end. */
  cells: CohortCell[];
}

export interface CohortClient {
  id: string;
  name: string;
  consultantId: string | null;
  consultantName: string | null;
  /** The inferred stage at the end of the cell's day. */
  stage: number;
  atOrAbove4: boolean;
}

export interface CohortCellClients {
  cohort: string;
  k: number;
  month: string;
  asOf: string;
  /** One page of the cell's clients, by name. */
  clients: CohortClient[];
  /** Of the whole cell (every page): how many are at stage 4 or above. */
  reached: number;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The stage counted as "there": from 4 (using the tools) up. */
const REACHED = 4;

type Filters = Portfolio["filters"];

/** YYYY-MM plus k months. */
export function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  return `${String(yy).padStart(4, "0")}-${String((((m % 12) + 12) % 12) + 1).padStart(2, "0")}`;
}

/** Whole months from `a` to `b` (YYYY-MM each); negative when b is before a. */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** The day a month is counted at: its last day, or `to` when that comes first. */
function asOfDay(month: string, to: string): string {
  const end = isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));
  return end < to ? end : to;
}

/**
 * CTE bodies after `visible` (archived clients included): `members`, one row per visible client
 * whose first check-in lies between the first day of from's month and `to`, with its cohort month
 * and the day it stops counting (its archive date; null while active).
 */
function membersCte(actor: Actor, f: Filters, onlyCohort?: string): SQL {
  const start = `${f.from.slice(0, 7)}-01`;
  const cohort = onlyCohort ? sql`and date_trunc('month', min(s.started)::timestamp)::date = ${`${onlyCohort}-01`}::date` : sql``;
  return sql`firsts as (
      select s.client_id, min(s.started) as first
      from stage_spells s join visible v on v.id = s.client_id
      where s.firm_id = ${actor.firmId}
      group by s.client_id
      having min(s.started) between ${start}::date and ${f.to}::date ${cohort}
    ),
    members as (
      -- An archived client without a date (none after migration 0008) counts as archived from the start.
      select fs.client_id, date_trunc('month', fs.first::timestamp)::date as cohort,
             case when c.archived then coalesce(c.archived_on, fs.first) end as gone
      from firsts fs join clients c on c.id = fs.client_id
    )`;
}

/** The stage spell open at the end of `day` for member `m` (at most one: spells do not overlap). */
const openSpell = (actor: Actor, day: SQL) =>
  sql`stage_spells sp on sp.client_id = m.client_id and sp.firm_id = ${actor.firmId} and sp.started <= ${day} and (sp.ended is null or sp.ended > ${day})`;

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** The cohort triangle for a manager; null for anyone else or for unusable filters. One SQL statement. */
export async function getCohorts(db: Db | Tx, actor: Actor, filters: PortfolioFilters): Promise<CohortRow[] | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  const rows = await queryRows<{ cohort: string; size: number | string; k: number | string; as_of: string; clients: number | string; reached: number | string }>(
    db,
    sql`with ${visibleCte(actor, f, true)}, ${membersCte(actor, f)},
    sizes as (select cohort, count(*) as size from members group by cohort),
    cells as (
      -- One row per cohort and month since its start, up to the month of the range end.
      select z.cohort, z.size, k.k,
             least((z.cohort + make_interval(months => k.k + 1))::date - 1, ${f.to}::date) as as_of
      from sizes z
      cross join lateral generate_series(0,
        ((extract(year from ${f.to}::date) - extract(year from z.cohort)) * 12
          + extract(month from ${f.to}::date) - extract(month from z.cohort))::int) as k(k)
    )
    select to_char(x.cohort, 'YYYY-MM') as cohort, x.size, x.k, x.as_of::text as as_of,
           count(m.client_id) as clients,
           count(m.client_id) filter (where sp.stage >= ${REACHED}) as reached
    from cells x
    left join members m on m.cohort = x.cohort and (m.gone is null or m.gone > x.as_of)
    left join ${openSpell(actor, sql`x.as_of`)}
    group by x.cohort, x.size, x.k, x.as_of
    order by x.cohort, x.k`,
  );
  const out: CohortRow[] = [];
  for (const r of rows) {
    let row = out.at(-1);
    if (!row || row.cohort !== r.cohort) {
      row = { cohort: r.cohort, size: n(r.size), cells: [] };
      out.push(row);
    }
    const k = n(r.k);
    const clients = n(r.clients);
    const reached = n(r.reached);
    row.cells.push({ k, month: addMonths(r.cohort, k), asOf: r.as_of, clients, atOrAbove4: reached, share: clients > 0 ? reached / clients : null });
  }
  return out;
}

/**
 * The clients behind one cell of the triangle (its denominator: the cohort's clients not archived
 * by the cell's day), with their stage then, a page at a time by name: a cohort of a large firm's
 * busy month holds thousands. Null when not allowed, for unusable filters, or for a cell the
 * triangle of these filters does not have.
 */
export async function cohortClients(db: Db | Tx, actor: Actor, filters: PortfolioFilters, cohort: string, k: number, page = 1, size = DRILL_PAGE_SIZE): Promise<(CohortCellClients & Paged) | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f || !MONTH_RE.test(cohort) || !Number.isSafeInteger(k) || k < 0) return null;
  if (cohort < f.from.slice(0, 7) || cohort > f.to.slice(0, 7)) return null;
  const month = addMonths(cohort, k);
  if (monthsBetween(month, f.to.slice(0, 7)) < 0) return null;
  const asOf = asOfDay(month, f.to);
  const cut = pageCut(page, size);
  const cell = sql`with ${visibleCte(actor, f, true)}, ${membersCte(actor, f, cohort)},
    cell as (
      select v.id, v.name, v.name_key, v.consultant_id, sp.stage
      from members m
      join visible v on v.id = m.client_id
      join ${openSpell(actor, sql`${asOf}::date`)}
      where m.gone is null or m.gone > ${asOf}::date
    )`;
  // The whole cell's counts ride on each row of the page; a page past the end counts apart.
  const rows = await queryRows<{ id: string; name: string; consultant_id: string | null; consultant_name: string | null; stage: number | string; total: number | string; reached: number | string }>(
    db,
    sql`${cell}
    select c.id, c.name, c.consultant_id, u.name as consultant_name, c.stage, c.total, c.reached
    from (
      select cell.*, count(*) over () as total, count(*) filter (where stage >= ${REACHED}) over () as reached
      from cell order by name_key, id limit ${cut.limit} offset ${cut.offset}
    ) c
    left join ${users} u on u.id = c.consultant_id
    order by c.name_key, c.id`,
  );
  let counts = { total: n(rows[0]?.total), reached: n(rows[0]?.reached) };
  if (rows.length === 0 && cut.offset > 0) {
    const [all] = await queryRows<{ total: number | string; reached: number | string }>(db, sql`${cell} select count(*) as total, count(*) filter (where stage >= ${REACHED}) as reached from cell`);
    counts = { total: n(all?.total), reached: n(all?.reached) };
  }
  return {
    cohort,
    k,
    month,
    asOf,
    clients: rows.map((r) => ({ id: r.id, name: r.name, consultantId: r.consultant_id, consultantName: r.consultant_name, stage: n(r.stage), atOrAbove4: n(r.stage) >= REACHED })),
    reached: counts.reached,
    ...paged(cut, counts.total),
  };
}
