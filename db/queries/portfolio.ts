import { sql, type SQL } from "drizzle-orm";
import { jsonList, queryRows, uuidArray, type Db, type JsonList as Json, type Tx } from "../index";
import type { FirmReader } from "../tenant";
import { assignments, clients, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { rangeProblem } from "../../lib/portfolio/range";
import type { TimeInStageRow } from "../../lib/portfolio/types";

export type { TimeInStageRow };
import { listAttention, type ClientStatus } from "./client-status";
import { clientScope, copiesScope, UUID_RE } from "./scope";
import { DRILL_PAGE_SIZE, pageCut, paged, type Paged } from "./paging";
import { isCalendarDate, isoDay } from "../../lib/validation/primitives";
import { isStage } from "../../lib/validation/primitives";
import { SURVIVAL_COUNTS, survivalCtes, survivalOf, type SurvivalCountsRow, type TimeInStage } from "./insight/survival-sql";

// The manager's portfolio: three main SQL statements (and the firm's overdue thresholds, which the
// attention flags need), one pass over the stored stage spells
// (stage_spells: one row per stay in a stage) for every figure drawn from them, and two over the
// stored status (client_status) and what the per-consultant rows need, scoped by the copies of
// each client's scope those rows carry (copiesScope, migration 0012) and by the same filters, so
// the page stays a handful of round trips, joins no firm-wide table to another and
// never walks the whole assessment history. tests/integration/spells-equivalence.test.ts checks every
// figure against the former queries over stage_assessments.

export interface PortfolioFilters {
  consultantId?: string | null;
  industry?: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive; "now" for the distribution and the per-consultant mix. */
  to: string;
  /** "Today" for the attention flags (tests fix it). */
  today?: string;
  /** Name at most this many clients per attention list (the page's few); all when absent. The totals count them all. */
  attentionLimit?: number;
}

export type Direction = "forward" | "backward";

export interface StageCount {
  stage: number;
  count: number;
}
export interface MonthRow {
  /** YYYY-MM */
  month: string;
  /** The day the month is counted at: its last day, or the range end in the last month. */
  asOf: string;
  /** counts[stage - 1] */
  counts: number[];
}
export interface FlowRow {
  from: number;
  to: number;
  direction: Direction;
  count: number;
  clients: number;
}
export interface ConsultantRow {
  consultantId: string | null;
  consultantName: string | null;
  clients: number;
  /** stageMix[stage - 1]; clients without a stage are not in the mix. */
  stageMix: number[];
  checkInsLast30d: number;
  /** Sum over clients with a stage at both ends of the range of (stage at end − stage at start). */
  netMovement: number;
}
export interface AttentionItem {
  id: string;
  name: string;
  consultantName: string | null;
  stage: number | null;
  daysInStage: number | null;
  lastCheckIn: string | null;
  previousStage: number | null;
  overrideStage: number | null;
  selfStage: number | null;
}
export interface AttentionLists {
  stalled: AttentionItem[];
  regressed: AttentionItem[];
  noRecentCheckIn: AttentionItem[];
  overrideDiffers: AttentionItem[];
  selfAssessmentGap: AttentionItem[];
  /** In their stage far longer than stays there usually last (lib/flags.ts, OVERDUE_*), longest first. */
  overdue: AttentionItem[];
}
export interface Portfolio {
  filters: { consultantId: string | null; industry: string | null; from: string; to: string };
  totalClients: number;
  /** Clients with no stage at the range end (no check-in yet). */
  withoutStage: number;
  distribution: StageCount[];
  overTime: MonthRow[];
  flows: FlowRow[];
  timeInStage: TimeInStageRow[];
  attention: AttentionLists;
  /** How many clients each attention list holds, even when `attention` names only the first few. */
  attentionTotals: Record<keyof AttentionLists, number>;
  consultants: ConsultantRow[];
}

export type Drill =
  | { kind: "stage"; stage: number }
  | { kind: "month"; month: string; stage: number }
  | { kind: "flow"; from: number; to: number }
  | { kind: "spell"; stage: number }
  | { kind: "consultant"; consultantId: string | null; stage?: number }
  | { kind: "all" };

export interface DrillClient {
  id: string;
  name: string;
  industry: string | null;
  consultantId: string | null;
  consultantName: string | null;
  stage: number | null;
  lastCheckIn: string | null;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const STAGES = [1, 2, 3, 4, 5, 6];

function validDate(d: string): boolean {
  return isCalendarDate(d);
}

/** Null when the filters cannot be used (bad dates, from after to, a malformed id). */
export function normalise(f: PortfolioFilters): Portfolio["filters"] | null {
  // The callers turn a bad range into a clear message; this refuses it again for any other caller.
  if (!validDate(f.from) || !validDate(f.to) || rangeProblem(f.from, f.to) !== null) return null;
  const scope = normaliseScope(f);
  return scope && { ...scope, from: f.from, to: f.to };
}

export type ScopeFilters = Pick<Portfolio["filters"], "consultantId" | "industry">;

/** The consultant and industry filters alone (pages about the current state need no dates); null for a malformed id. */
export function normaliseScope(f: { consultantId?: string | null; industry?: string | null }): ScopeFilters | null {
  const consultantId = f.consultantId || null;
  if (consultantId && !UUID_RE.test(consultantId)) return null;
  return { consultantId, industry: f.industry?.trim() || null };
}

/**
 * The visible, filtered clients as a CTE body: id, name, name_key, industry, consultant_id. Cohorts and
 * time in stage pass withArchived (they count a client up to its archive date), which adds
 * archived_on (null while the client is not archived). Read from the copies on client_status
 * (copiesScope), one table instead of the firm's clients joined to their assignments.
 */
export function visibleCte(actor: Actor, f: ScopeFilters, withArchived = false, withStatus = false): SQL {
  const archivedOn = withArchived ? sql`, case when cs.archived then cs.archived_on end as archived_on` : sql``;
  // The stored status beside them (for stageAtDay, and the agreement's comparisons): the same row.
  const status = withStatus ? sql`, cs.stage, cs.last_check_in, cs.override_stage, cs.self_stage, cs.self_date` : sql``;
  return sql`visible as (
    select cs.client_id as id, cs.name, cs.name_key, cs.industry, cs.consultant_id${archivedOn}${status}
    from client_status cs
    where ${copiesScope(actor, "cs", f, withArchived)}
  )`;
}

/** visibleCte's condition on `clients` itself, but the consultant filter: the actor's scope, the archive and the industry (for the name index's lists). */
function visibleClients(actor: Actor, f: ScopeFilters, withArchived = false): SQL {
  const industry = f.industry ? sql`${clients.industry} = ${f.industry}` : sql`true`;
  return sql`${clientScope(actor)} and ${withArchived ? sql`true` : sql`${clients.archived} = false`} and ${industry}`;
}

/**
 * The stage a client held at the end of `day`: the spell open then (started on or before it, not
 * ended by it). Spells of one client do not overlap, and a zero-length spell (two changes on one
 * day) is never open at a day's end, so at most one row matches.
 */
const stageAt = (clientRef: SQL, day: SQL) =>
  sql`(select sp.stage from stage_spells sp where sp.client_id = ${clientRef} and sp.started <= ${day} and (sp.ended is null or sp.ended > ${day}) limit 1)`;

/**
 * stageAt for a row of visibleCte(…, withStatus): the stored current stage when the client has no
 * check-in dated after `day` (then the spell open at its end is the current one), else the spell
 * lookup. For a day at or near today that spares a lookup per client.
 */
const stageAtDay = (v: SQL, day: SQL) =>
  sql`(case when ${v}.last_check_in is null or ${v}.last_check_in <= ${day} then ${v}.stage else ${stageAt(sql`${v}.id`, day)} end)`;

/** The spells of the visible clients, as a CTE body: filtered by their own copies of the client's scope. */
const spellsCte = (actor: Actor, f: ScopeFilters) => sql`spells as (
    select s.client_id, s.stage, s.started, s.ended, s.next_stage from stage_spells s
    where ${copiesScope(actor, "s", f)}
  )`;

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * The distribution at the range end, from the per-consultant rows (every visible client is in
 * exactly one of them): one statement fewer than counting it again.
 */
function distributionOf(consultants: ConsultantRow[]) {
  const totalClients = consultants.reduce((t, c) => t + c.clients, 0);
  const distribution = STAGES.map((stage) => ({ stage, count: consultants.reduce((t, c) => t + c.stageMix[stage - 1]!, 0) }));
  return { distribution, withoutStage: totalClients - distribution.reduce((t, d) => t + d.count, 0), totalClients };
}

/** The months of a range, YYYY-MM, with the day each is counted at (its last day, or `to`). */
function monthsOf(from: string, to: string): { month: string; asOf: string }[] {
  const out: { month: string; asOf: string }[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month, asOf: monthAsOf(month, to) });
    if (month >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Moves between stages dated within the range: the spells that ended in it, with the stage that followed. */
const movesCte = (actor: Actor, f: Portfolio["filters"]) => sql`${spellsCte(actor, f)},
  moves as (
    select client_id, stage as from_stage, next_stage as to_stage, (ended - started) as days from spells
    where ended between ${f.from}::date and ${f.to}::date
  )`;

type SpellFigures = Pick<Portfolio, "overTime" | "flows" | "timeInStage"> & { survival?: TimeInStage };

/**
 * Every figure the portfolio draws from the spells, in one pass over them: the distribution over
 * time, the flows, the completed spells' lengths and (when asked) the Kaplan–Meier counts. Each
 * used to be a statement of its own, and each read the firm's spells again; the spells they need
 * are read once here (`observed`, archived clients included for Kaplan–Meier) and each figure
 * takes its part. One row comes back, a JSON array per figure.
 *
 * - A month's distribution is the spells open at its end. Rather than test every spell against
 *   every month, count spell starts and ends per month (earlier months fold into the first) and
 *   keep running totals: open at the end of month m = started by then − ended by then.
 *   width_bucket finds each date's month among the range's month starts (a binary search on
 *   dates, where formatting every date as text took half the statement), and grouping sets count
 *   starts and ends in the same scan. A spell that ended before the first month adds one and
 *   takes one away in it: it is skipped (half the firm's spells at the default range, through the
 *   firm-and-end index).
 * - Moves between stages and the completed spells' lengths are both the spells that ended within
 *   the range.
 */
async function spellFigures(db: Db | Tx, actor: Actor, f: Portfolio["filters"], withSurvival: boolean): Promise<SpellFigures> {
  const months = monthsOf(f.from, f.to);
  const starts = `{${months.map((m) => `${m.month}-01`).join(",")}}`;
  const [row] = await queryRows<{
    over_time: Json<[number | null, number | null, number, number]>;
    flows: Json<[number, number, number, number]>;
    times: Json<[number, number, number, number, number, number, number]>;
    survival: Json<[number, SurvivalCountsRow["counts"]]>;
  }>(
    db,
    sql`with observed as (
      -- Referenced more than once below, so PostgreSQL reads the spells once and keeps them.
      select s.client_id, s.stage, s.started, s.ended, s.next_stage, s.archived, s.archived_on from stage_spells s
      -- Archived clients' spells only for the Kaplan–Meier counts (censored at the archive date).
      where ${copiesScope(actor, "s", f, withSurvival)} and s.started <= ${f.to}::date
        and (s.ended is null or s.ended >= ${months[0]!.month + "-01"}::date)
    ),
    ranged as (
      select stage, width_bucket(started, ${starts}::date[]) as started,
        case when ended <= ${f.to}::date then width_bucket(ended, ${starts}::date[]) end as ended
      from observed where not archived
    ),
    moves as (
      select client_id, stage as from_stage, next_stage as to_stage, (ended - started) as days from observed
      where not archived and ended between ${f.from}::date and ${f.to}::date
    )${withSurvival ? sql`, ${survivalCtes(f, sql`observed`)}` : sql``}
    select
      (select json_agg(json_build_array(started, ended, stage, n)) from (
        select started, ended, stage, count(*) as n from ranged group by grouping sets ((started, stage), (ended, stage))
      ) g) as over_time,
      (select json_agg(json_build_array(from_stage, to_stage, n, clients) order by from_stage, to_stage) from (
        select from_stage, to_stage, count(*) as n, count(distinct client_id) as clients from moves group by from_stage, to_stage
      ) m) as flows,
      (select json_agg(json_build_array(from_stage, n, lo, p25, median, p75, hi) order by from_stage) from (
        select from_stage, count(*) as n, min(days) as lo,
          percentile_cont(0.25) within group (order by days) as p25,
          percentile_cont(0.5) within group (order by days) as median,
          percentile_cont(0.75) within group (order by days) as p75,
          max(days) as hi
        from moves group by from_stage
      ) t) as times,
      ${withSurvival ? sql`(select json_agg(json_build_array(stage, counts)) from (${SURVIVAL_COUNTS}) k)` : sql`null::json`} as survival`,
  );

  // Bucket 0 is before the first month: folded into it, as the running totals start there.
  const delta = months.map(() => [0, 0, 0, 0, 0, 0]);
  for (const [started, ended, stage, count] of jsonList(row!.over_time)) {
    const isStart = started !== null;
    // The (ended, stage) set's null group is the spells still open at the range end.
    if (!isStart && ended === null) continue;
    delta[Math.max(Number(isStart ? started : ended), 1) - 1]![stage - 1]! += (isStart ? 1 : -1) * count;
  }
  const open = [0, 0, 0, 0, 0, 0];
  const overTime = months.map(({ month, asOf }, i) => {
    delta[i]!.forEach((d, k) => (open[k]! += d));
    return { month, asOf, counts: [...open] };
  });
  const flows = jsonList(row!.flows).map(([from, to, count, clients]): FlowRow => ({ from, to, direction: to > from ? "forward" : "backward", count, clients }));
  const timeInStage = jsonList(row!.times).map(([stage, spells, min, p25, median, p75, max]): TimeInStageRow => ({ stage, spells, min, p25, median, p75, max }));
  const survival = withSurvival ? survivalOf(f, jsonList(row!.survival).map(([stage, counts]) => ({ stage, counts }))) : undefined;
  return { overTime, flows, timeInStage, survival };
}

async function perConsultant(db: Db | Tx, actor: Actor, f: Portfolio["filters"], endsToday: boolean): Promise<ConsultantRow[]> {
  // Grouped by consultant and end stage first (a few dozen rows), then named: sorting and joining
  // ten thousand client rows by consultant name cost more than the counting.
  const rows = await queryRows<{ consultant_id: string | null; consultant_name: string | null; at_end: number | string | null; clients: string | number; net: string | number | null; recent: string | number | null }>(
    db,
    sql`with open_at_start as (
      -- The spells open at the end of the range's first day, at most one per client: one pass over
      -- the firm's spells joined by key, several times faster than a lookup per client.
      select sp.client_id, sp.stage from stage_spells sp
      where sp.firm_id = ${actor.firmId} and sp.started <= ${f.from}::date and (sp.ended is null or sp.ended > ${f.from}::date)
    ),
    recent as (
      -- Check-ins in the 30 days up to the range end, per client (an index-only scan), joined
      -- below in the same pass as the stages.
      select k.client_id, count(*) as n from check_ins k
      where k.firm_id = ${actor.firmId} and k.date > ${f.to}::date - 30 and k.date <= ${f.to}::date
      group by k.client_id
    ),
    at_end as (
      -- The visible clients' status rows (their consultant is copied on them) with the stage at
      -- the range end: the stored current stage when nothing is dated after it (the usual case, a
      -- range ending today), else the spell open then. Two branches rather than one CASE: a
      -- lookup inside the grouping key made the planner sort the firm instead of hashing it.
      select cs.client_id, cs.consultant_id, cs.stage from client_status cs
      where ${copiesScope(actor, "cs", f)} and (cs.last_check_in is null or cs.last_check_in <= ${f.to}::date)
      union all
      select cs.client_id, cs.consultant_id, ${stageAt(sql`cs.client_id`, sql`${f.to}::date`)} from client_status cs
      where ${copiesScope(actor, "cs", f)} and cs.last_check_in > ${f.to}::date${
        // A range ending today (the default) has next to no check-ins after it: finding them
        // through the check-ins' date index (an empty range, as a rule) spares a second scan of
        // the firm's status rows. An earlier end can have most of the firm's check-ins after it.
        endsToday ? sql`
        and cs.client_id in (select k.client_id from check_ins k where k.firm_id = ${actor.firmId} and k.date > ${f.to}::date)` : sql``
      }
    ),
    ends as (
      -- At the range start: the spell open then.
      select e.consultant_id, e.stage as at_end, st.stage as at_start, r.n as recent
      from at_end e left join open_at_start st on st.client_id = e.client_id
      left join recent r on r.client_id = e.client_id
    ),
    mix as (
      select consultant_id, at_end, count(*) as clients, sum(at_end - at_start) as net, sum(recent) as recent from ends group by consultant_id, at_end
    )
    select m.consultant_id, u.name as consultant_name, m.at_end, m.clients, m.net, m.recent
    from mix m
    left join ${users} u on u.id = m.consultant_id
    order by u.name nulls last, m.consultant_id`,
  );
  const byConsultant = new Map<string | null, ConsultantRow>();
  for (const r of rows) {
    const id = r.consultant_id ?? null;
    let row = byConsultant.get(id);
    if (!row) {
      row = { consultantId: id, consultantName: r.consultant_name ?? null, clients: 0, stageMix: [0, 0, 0, 0, 0, 0], checkInsLast30d: 0, netMovement: 0 };
      byConsultant.set(id, row);
    }
    row.clients += n(r.clients);
    row.checkInsLast30d += n(r.recent);
    if (r.at_end !== null) row.stageMix[Number(r.at_end) - 1]! += n(r.clients);
    row.netMovement += n(r.net);
  }
  // In the statement's order: by consultant name, the unassigned last.
  return [...byConsultant.values()];
}

function attentionItem(s: ClientStatus): AttentionItem {
  return {
    id: s.id,
    name: s.name,
    consultantName: s.consultantName,
    stage: s.stage,
    daysInStage: s.daysInStage,
    lastCheckIn: s.lastCheckIn,
    previousStage: s.previousStage,
    overrideStage: s.overrideStage,
    selfStage: s.selfStage,
  };
}

async function attention(db: Db | Tx, actor: Actor, f: Portfolio["filters"], today: string, limit: number | null): Promise<{ lists: AttentionLists; totals: Record<keyof AttentionLists, number> }> {
  // The flags, each list's order and its cut are worked out in listAttention's one SQL statement.
  const found = await listAttention(db, actor, { today, scope: f }, limit);
  const keys = Object.keys(found) as (keyof AttentionLists)[];
  return {
    lists: Object.fromEntries(keys.map((k) => [k, found[k].rows.map(attentionItem)])) as unknown as AttentionLists,
    totals: Object.fromEntries(keys.map((k) => [k, found[k].total])) as Record<keyof AttentionLists, number>,
  };
}

/** What the portfolio's spell statement gives: the distribution over time, flows, completed spells and, when asked, the curves. */
export type { SpellFigures };

/** getPortfolio's figures but the spell statement's, which the page draws apart, as they arrive. */
export type PortfolioHead = Omit<Portfolio, "overTime" | "flows" | "timeInStage">;

/**
 * The portfolio's reads, started with `run` and given back apart: the figures drawn from the spells
 * (the longest statement) and the rest, so a page can draw each part as it arrives. Null for
 * anyone but a manager or for unusable filters. getPortfolio awaits both.
 */
export function portfolioReads(
  db: Db | Tx | FirmReader,
  actor: Actor,
  filters: PortfolioFilters,
  opts: { survival?: boolean; spellsAfter?: Promise<unknown> } = {},
): { spells: Promise<SpellFigures>; head: Promise<PortfolioHead> } | null {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  const today = filters.today ?? isoDay();
  // Independent statements: given a reader (db/tenant.ts inFirmSideBySide), each may run on a
  // connection of its own. The longest first, so it starts first when they queue. On one
  // connection (PGlite), where they run in turn anyway, a page asks for it after the rest
  // (`spellsAfter`), so what it draws first is not kept waiting behind it.
  const run: FirmReader = typeof db === "function" ? db : (read) => read(db as Db);
  const spells = opts.spellsAfter
    ? opts.spellsAfter.then(() => run((d) => spellFigures(d, actor, f, opts.survival === true)))
    : run((d) => spellFigures(d, actor, f, opts.survival === true));
  const head = Promise.all([
    run((d) => perConsultant(d, actor, f, f.to >= today)),
    run((d) => attention(d, actor, f, today, filters.attentionLimit ?? null)),
  ]).then(([consultants, att]): PortfolioHead => ({ filters: f, ...distributionOf(consultants), attention: att.lists, attentionTotals: att.totals, consultants }));
  return { spells, head };
}

/**
 * The whole portfolio for a manager; null for anyone else or for unusable filters. With
 * `survival`, also the Kaplan–Meier estimate of time in stage (getTimeInStage's figures), from the
 * same pass over the spells as the other spell figures.
 */
export async function getPortfolio(db: Db | Tx | FirmReader, actor: Actor, filters: PortfolioFilters, opts: { survival?: boolean } = {}): Promise<(Portfolio & { survival?: TimeInStage }) | null> {
  const reads = portfolioReads(db, actor, filters, opts);
  if (!reads) return null;
  const [spells, head] = await Promise.all([reads.spells, reads.head]);
  const { filters: f, totalClients, withoutStage, distribution, attention: lists, attentionTotals, consultants } = head;
  return { filters: f, totalClients, withoutStage, distribution, overTime: spells.overTime, flows: spells.flows, timeInStage: spells.timeInStage, attention: lists, attentionTotals, consultants, ...(spells.survival ? { survival: spells.survival } : {}) };
}

function monthAsOf(month: string, to: string): string {
  const [y, m] = month.split("-").map(Number);
  const end = isoDay(new Date(Date.UTC(y, m, 0)));
  return end < to ? end : to;
}

/** The clients behind one bar, cell or row of the portfolio; null when not allowed or malformed. */
export async function portfolioClients(db: Db | Tx, actor: Actor, filters: PortfolioFilters, drill: Drill): Promise<DrillClient[] | null> {
  return (await drillClients(db, actor, filters, drill, null))?.rows ?? null;
}

/**
 * One page of portfolioClients, by name, and how many clients the whole list holds. A page past
 * the end is empty, with the total still counted. Null when not allowed or malformed.
 */
export async function portfolioClientsPage(db: Db | Tx, actor: Actor, filters: PortfolioFilters, drill: Drill, page: number, size = DRILL_PAGE_SIZE): Promise<({ rows: DrillClient[] } & Paged) | null> {
  const cut = pageCut(page, size);
  const found = await drillClients(db, actor, filters, drill, cut);
  return found && { rows: found.rows, ...paged(cut, found.total) };
}

async function drillClients(db: Db | Tx, actor: Actor, filters: PortfolioFilters, drill: Drill, cut: { limit: number; offset: number } | null): Promise<{ rows: DrillClient[]; total: number } | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  const okStage = (s: number | undefined) => s === undefined || isStage(s);
  // Which visible clients the drill picks: a condition on them, or (moves and spells) a set of ids
  // found in the spells. A condition is applied to `visible` itself: joined back to the clients it
  // was picked from, the planner guessed one row and compared every pair (about 2 s at 10,000).
  let where: SQL = sql`true`;
  let spells: SQL | null = null;
  switch (drill.kind) {
    case "stage":
      if (!okStage(drill.stage)) return null;
      where = sql`${stageAtDay(sql`v`, sql`${f.to}::date`)} = ${drill.stage}`;
      break;
    case "month": {
      if (!okStage(drill.stage) || !MONTH_RE.test(drill.month)) return null;
      where = sql`${stageAtDay(sql`v`, sql`${monthAsOf(drill.month, f.to)}::date`)} = ${drill.stage}`;
      break;
    }
    case "flow":
      if (!okStage(drill.from) || !okStage(drill.to)) return null;
      spells = sql`${movesCte(actor, f)}, picked as (select distinct client_id as id from moves where from_stage = ${drill.from} and to_stage = ${drill.to})`;
      break;
    case "spell":
      if (!okStage(drill.stage)) return null;
      spells = sql`${spellsCte(actor, f)}, picked as (select distinct client_id as id from spells where stage = ${drill.stage} and ended between ${f.from}::date and ${f.to}::date)`;
      break;
    case "consultant": {
      if (!okStage(drill.stage) || (drill.consultantId && !UUID_RE.test(drill.consultantId))) return null;
      const who = drill.consultantId ? sql`v.consultant_id = ${drill.consultantId}::uuid` : sql`v.consultant_id is null`;
      where = drill.stage ? sql`${who} and ${stageAtDay(sql`v`, sql`${f.to}::date`)} = ${drill.stage}` : who;
      break;
    }
    case "all":
      break;
    default:
      return null;
  }
  // The page's clients are cut from `visible`'s narrow rows first, with the whole list's count on
  // each (one pass over the picked clients), and only they get their stage and last check-in at the
  // range end: the stored ones, looked up only for a client with a check-in dated after it. (Cut
  // after the lookups, a late page paid them for every row it skipped.) A page past the end has no
  // row to carry the count: it is counted apart.
  const picked = spells ? sql` join picked p on p.id = v.id` : sql``;
  const rows = await queryRows<{ id: string; name: string; industry: string | null; consultant_id: string | null; consultant_name: string | null; stage: number | null; last_check_in: string | null; total: number | string }>(
    db,
    sql`with ${visibleCte(actor, f, false, true)}${spells ? sql`, ${spells}` : sql``},
    cut as (
      select v.id, v.name, v.name_key, v.industry, v.consultant_id, v.stage, v.last_check_in, ${cut ? sql`count(*) over ()` : sql`0`} as total
      from visible v${picked}
      where ${where}
      order by v.name_key, v.id${cut ? sql` limit ${cut.limit} offset ${cut.offset}` : sql``}
    )
    select c.id, c.name, c.industry, c.consultant_id, u.name as consultant_name,
      ${stageAtDay(sql`c`, sql`${f.to}::date`)} as stage,
      -- As the stage: the stored last check-in unless one is dated after the range end.
      case when c.last_check_in is null or c.last_check_in <= ${f.to}::date then c.last_check_in::text
        else (select k.date::text from check_ins k where k.client_id = c.id and k.date <= ${f.to}::date order by k.date desc limit 1) end as last_check_in,
      c.total
    from cut c left join ${users} u on u.id = c.consultant_id
    order by c.name_key, c.id`,
  );
  let total = cut ? Number(rows[0]?.total ?? 0) : rows.length;
  if (cut && rows.length === 0 && cut.offset > 0) {
    const [n] = await queryRows<{ n: number | string }>(db, sql`with ${visibleCte(actor, f, false, true)}${spells ? sql`, ${spells}` : sql``} select count(*) as n from visible v${picked} where ${where}`);
    total = Number(n?.n ?? 0);
  }
  return {
    rows: rows.map((r) => ({ id: r.id, name: r.name, industry: r.industry, consultantId: r.consultant_id, consultantName: r.consultant_name, stage: r.stage === null ? null : Number(r.stage), lastCheckIn: r.last_check_in })),
    total,
  };
}

/**
 * The first `limit` clients (by name) of each consultant's list, with their stage at the range
 * end: the page names a few per consultant and links to the rest, so it never fetches the firm.
 * How many each consultant has comes from the per-consultant rows of getPortfolio.
 *
 * `consultants`: whose lists, null for the unassigned clients: the per-consultant rows with
 * clients (Portfolio.consultants), so no list is looked for that is empty. Each list is read in
 * name order from the firm's name index and stops at `limit`, rather than numbering every visible
 * client by consultant and name: sorting the firm's 10,000 clients was most of this statement, and
 * finding whether any client is unassigned cost as much again. Same scope and filters as visibleCte.
 */
export async function firstClientsPerConsultant(db: Db | Tx, actor: Actor, filters: PortfolioFilters, limit: number, consultants: readonly (string | null)[]): Promise<DrillClient[] | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  // Filtered to one consultant, only that consultant's list, whatever the caller asks for.
  const ids = consultants.filter((id): id is string => id !== null && UUID_RE.test(id) && (!f.consultantId || id === f.consultantId));
  const unassigned = consultants.includes(null) && !f.consultantId;
  if (ids.length === 0 && !unassigned) return [];
  const cut = Math.max(0, Math.floor(limit));
  const visible = visibleClients(actor, f);
  const columns = sql`${clients.id} as id, ${clients.name} as name, ${clients.nameKey} as name_key, ${clients.industry} as industry`;
  // An empty array keeps the statement's shape when only the unassigned are asked for.
  const leads = sql`select unnest(${uuidArray(ids)}) as id`;
  const rows = await queryRows<{ id: string; name: string; industry: string | null; consultant_id: string | null; consultant_name: string | null; stage: number | null; last_check_in: string | null }>(
    db,
    sql`with picked as (
      select l.id as consultant_id, x.* from (${leads}) l
      cross join lateral (
        select ${columns} from ${clients} join ${assignments} on ${assignments.clientId} = ${clients.id}
        where ${assignments.consultantId} = l.id and ${visible}
        order by ${clients.nameKey}, ${clients.id} limit ${cut}
      ) x
      ${
        !unassigned
          ? sql``
          : sql`union all
      select null, x.* from (
        select ${columns} from ${clients}
        where not exists (select 1 from ${assignments} where ${assignments.clientId} = ${clients.id}) and ${visible}
        order by ${clients.nameKey}, ${clients.id} limit ${cut}
      ) x`
      }
    )
    select p.id, p.name, p.industry, p.consultant_id, u.name as consultant_name,
      case when cs.last_check_in is null or cs.last_check_in <= ${f.to}::date then cs.stage else ${stageAt(sql`p.id`, sql`${f.to}::date`)} end as stage,
      case when cs.last_check_in is null or cs.last_check_in <= ${f.to}::date then cs.last_check_in::text
        else (select k.date::text from check_ins k where k.client_id = p.id and k.date <= ${f.to}::date order by k.date desc limit 1) end as last_check_in
    from picked p
    -- By key, for the few picked rows only: a join here hashed the firm's whole status table.
    left join lateral (select s.stage, s.last_check_in from client_status s where s.client_id = p.id) cs on true
    left join ${users} u on u.id = p.consultant_id
    order by u.name nulls last, p.consultant_id, p.name_key, p.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, industry: r.industry, consultantId: r.consultant_id, consultantName: r.consultant_name, stage: r.stage === null ? null : Number(r.stage), lastCheckIn: r.last_check_in }));
}

/**
 * Choices for the filter bar: the firm's consultants and industries, in one statement. The
 * industries are found by walking the firm-and-industry index one value at a time (a recursive
 * CTE: a dozen index probes), where `select distinct` read every client of the firm (3.5 ms of
 * database time per portfolio view at 10,000 clients).
 */
export async function portfolioFilterOptions(db: Db | Tx, actor: Actor): Promise<{ consultants: { id: string; name: string }[]; industries: string[] } | null> {
  if (!can(actor, "portfolio.read")) return null;
  const scope = clientScope(actor);
  const [row] = await queryRows<{ consultants: Json<[string, string]>; industries: Json<string> }>(
    db,
    sql`with recursive industry as (
      (select ${clients.industry} as name from ${clients} where ${scope} and ${clients.industry} is not null order by ${clients.industry} limit 1)
      union all
      select (select ${clients.industry} from ${clients} where ${scope} and ${clients.industry} > industry.name order by ${clients.industry} limit 1)
      from industry where industry.name is not null
    )
    select
      (select json_agg(json_build_array(u.id, u.name) order by u.name) from ${users} u where u.firm_id = ${actor.firmId} and u.role = 'consultant') as consultants,
      (select json_agg(name order by name) from industry where name is not null) as industries`,
  );
  return {
    consultants: jsonList(row?.consultants).map(([id, name]) => ({ id, name })),
    industries: jsonList(row?.industries),
  };
}

/** Default range: the twelve months up to today. */
export function defaultRange(today: string): { from: string; to: string } {
  const d = new Date(today + "T00:00:00Z");
  const from = isoDay(new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth() + 1, 1)));
  return { from, to: today };
}
