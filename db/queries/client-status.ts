// The one query behind every client list: the API's GET /api/v1/clients (keyset pages), the
// /clients page (numbered pages), the portfolio's attention lists and a single client's status.
// Filters, flags, ordering and pages are all computed in SQL.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, uuidArray, type Db, type Tx } from "../index";
import { assignments, clients, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { NO_CHECKIN_DAYS, OVERDUE_MIN_DAYS, RECENT_REGRESSION_DAYS, SELF_ASSESSMENT_GAP, STALLED_DAYS, type Flag } from "../../lib/flags";
import { CLIENT_PAGE_SIZE, type ClientListQuery, type ClientPage, type ClientSort, type ClientStatus } from "../../lib/clients/list-types";
import { clientScope, copiesScope, UUID_RE } from "./scope";
import { overdueThresholds, thresholdOfStageSql, type OverdueThresholds } from "./insight/spell-durations";
import { isoDay } from "../../lib/validation/primitives";

export type { ClientStatus } from "../../lib/clients/list-types";

interface Row {
  id: string;
  name: string;
  industry: string | null;
  archived: boolean;
  consultant_id: string | null;
  consultant_name: string | null;
  check_in_count: number | string;
  last_check_in: string | null;
  stage: number | string | null;
  confidence: number | string | null;
  stage_since: string | null;
  days_in_stage: number | string | null;
  previous_stage: number | string | null;
  override_stage: number | string | null;
  self_stage: number | string | null;
  self_date: string | null;
  f_no_recent: boolean;
  f_stalled: boolean;
  f_regressed: boolean;
  f_override: boolean;
  f_self_gap: boolean;
  f_overdue: boolean;
  lname?: string;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

export interface StatusOptions {
  includeArchived?: boolean;
  /** "Today" for the flags, YYYY-MM-DD (tests fix it). */
  today?: string;
  /** Extra condition on `clients` (e.g. one consultant, one industry). */
  where?: SQL;
  /** Only clients with at least one attention flag (the portfolio's lists). */
  flaggedOnly?: boolean;
}

/** The flag columns' SQL, from the thresholds in lib/flags.ts. */
const FLAG_COLUMN: Record<Flag, string> = {
  "no-recent-checkin": "f_no_recent",
  stalled: "f_stalled",
  regressed: "f_regressed",
  "override-differs": "f_override",
  "self-assessment-gap": "f_self_gap",
  overdue: "f_overdue",
};

/**
 * `status`: one row per visible client with its current stage, history, override,
 * self-assessment and flags. Reads the stored status (client_status, written with every change
 * by db/queries/stage-history.ts) joined by key to the client and its consultant; only the flags,
 * which depend on "today", are worked out here, as plain expressions on the row.
 */
function statusCte(actor: Actor, opts: StatusOptions, thresholds: OverdueThresholds): SQL {
  const today = opts.today ?? isoDay();
  const scope = clientScope(actor);
  const archived = opts.includeArchived ? sql`true` : sql`${clients.archived} = false`;
  const extra = opts.where ?? sql`true`;
  return sql`
    with base as (
      select ${clients.id} as id, ${clients.name} as name, ${clients.nameKey} as name_key, ${clients.industry} as industry, ${clients.archived} as archived,
             (${clients.createdAt} at time zone 'UTC')::date as created_on,
             ${assignments.consultantId} as consultant_id, ${users.name} as consultant_name,
             coalesce(cs.check_in_count, 0) as check_in_count, cs.last_check_in, cs.stage, cs.confidence,
             cs.stage_since, cs.previous_stage, (${today}::date - cs.stage_since) as days_in_stage,
             cs.override_stage, cs.self_stage, cs.self_date
      from ${clients}
      left join client_status cs on cs.client_id = ${clients.id}
      left join ${assignments} on ${assignments.clientId} = ${clients.id}
      left join ${users} on ${users.id} = ${assignments.consultantId}
      where ${scope} and ${archived} and ${extra}
    ),
    ${flagsCtes(today, thresholds)}`;
}

/**
 * After a `base` CTE with last_check_in, created_on, days_in_stage, stage, previous_stage,
 * override_stage, self_stage and archived: `status`, base with the flag columns and their count.
 */
function flagsCtes(today: string, thresholds: OverdueThresholds): SQL {
  return sql`flagged as (
      select base.*,
             -- noRecentCheckIn() in lib/flags.ts: more than NO_CHECKIN_DAYS since the last check-in, or,
             -- for a client without one, since it was created (until then it is a new client).
             (${today}::date - coalesce(last_check_in, created_on) > ${NO_CHECKIN_DAYS}) as f_no_recent,
             -- Stage 6 is the top of the ladder: staying there is success, not a stall.
             coalesce(days_in_stage > ${STALLED_DAYS} and stage <> 6, false) as f_stalled,
             coalesce(previous_stage > stage, false) as f_regressed,
             coalesce(override_stage <> stage, false) as f_override,
             coalesce(abs(self_stage - stage) >= ${SELF_ASSESSMENT_GAP}, false) as f_self_gap,
             -- isOverdue() in lib/flags.ts, with the firm's per-stage thresholds as constants.
             coalesce(stage <> 6 and not archived and days_in_stage > ${OVERDUE_MIN_DAYS} and days_in_stage > ${thresholdOfStageSql(thresholds)}, false) as f_overdue
      from base
    ),
    status as (
      select flagged.*,
             (f_no_recent::int + f_stalled::int + f_regressed::int + f_override::int + f_self_gap::int + f_overdue::int) as flag_count
      from flagged
    )`;
}

/**
 * statusCte with the firm's overdue thresholds as of the same today. They are computed by one
 * grouped statement and remembered for a minute per firm and day (db/queries/insight/spell-durations.ts),
 * so a list statement reads them as constants instead of summarising the firm's spells each time.
 */
async function statusWith(db: Db | Tx, actor: Actor, opts: StatusOptions): Promise<SQL> {
  const today = opts.today ?? isoDay();
  return statusCte(actor, { ...opts, today }, await overdueThresholds(db, actor.firmId, today));
}

const COLUMNS = sql.raw(`id, name, industry, archived, consultant_id, consultant_name, check_in_count,
  last_check_in::text as last_check_in, stage, confidence, stage_since::text as stage_since, days_in_stage,
  previous_stage, override_stage, self_stage, self_date::text as self_date,
  f_no_recent, f_stalled, f_regressed, f_override, f_self_gap, f_overdue`);

function toStatus(r: Row): ClientStatus {
  const stage = num(r.stage);
  const daysInStage = num(r.days_in_stage);
  const flags: Flag[] = [];
  if (r.f_no_recent) flags.push("no-recent-checkin");
  if (r.f_stalled) flags.push("stalled");
  if (r.f_regressed) flags.push("regressed");
  if (r.f_override) flags.push("override-differs");
  if (r.f_self_gap) flags.push("self-assessment-gap");
  if (r.f_overdue) flags.push("overdue");
  return {
    id: r.id,
    name: r.name,
    industry: r.industry,
    archived: r.archived,
    consultantId: r.consultant_id,
    consultantName: r.consultant_name,
    checkInCount: Number(r.check_in_count),
    lastCheckIn: r.last_check_in,
    stage,
    confidence: num(r.confidence),
    stageSince: r.stage_since,
    daysInStage,
    previousStage: num(r.previous_stage),
    overrideStage: num(r.override_stage),
    selfStage: num(r.self_stage),
    selfDate: r.self_date,
    flags,
    regressedRecently: r.f_regressed && daysInStage !== null && daysInStage <= RECENT_REGRESSION_DAYS,
  };
}

/** The portfolio's attention lists, in the order the page shows them. */
export type AttentionKey = "stalled" | "regressed" | "noRecentCheckIn" | "overrideDiffers" | "selfAssessmentGap" | "overdue";

/** The flag columns, as `status` names them. */
const FLAGS = "f_no_recent, f_stalled, f_regressed, f_override, f_self_gap, f_overdue";

/**
 * Each attention list's condition on a `status` row and its order: the longest stays first for
 * "stalled" and "overdue", by name for the rest. "Regressed" is a move back within
 * RECENT_REGRESSION_DAYS, as ClientStatus.regressedRecently.
 */
const ATTENTION: [AttentionKey, string, string][] = [
  ["stalled", "f_stalled", "days_in_stage desc, lname, id"],
  ["regressed", `f_regressed and days_in_stage <= ${Number(RECENT_REGRESSION_DAYS)}`, "lname, id"],
  ["noRecentCheckIn", "f_no_recent", "lname, id"],
  ["overrideDiffers", "f_override", "lname, id"],
  ["selfAssessmentGap", "f_self_gap", "lname, id"],
  ["overdue", "f_overdue", "days_in_stage desc, lname, id"],
];

/**
 * The attention lists in one statement: each list's total and its first `limit` clients (all of
 * them when `limit` is null). The page names a few and links to the rest, so a firm with
 * thousands flagged sends and decodes a few dozen rows, not thousands.
 */
export async function listAttention(
  db: Db | Tx,
  actor: Actor,
  opts: { today?: string; scope?: { consultantId?: string | null; industry?: string | null } },
  limit: number | null,
): Promise<Record<AttentionKey, { total: number; rows: ClientStatus[] }>> {
  const today = opts.today ?? isoDay();
  // Each list is a top-N sort of the flagged rows (a bounded heap, not a sort of thousands); the
  // totals are counted together, once. The flagged rows carry only what the lists sort and filter
  // on; the named clients' other columns are read by key from their status rows (and consultant)
  // at the end, in the same statement. At least one row per list carries its total; a limit of 0
  // is cut below.
  const cut = limit === null ? "all" : String(Math.max(1, Math.floor(limit)));
  const branches = ATTENTION.map(
    ([key, condition, order], i) =>
      sql.raw(
        `select '${key}' as list, x.id, x.days_in_stage, ${FLAGS}, row_number() over (order by ${order}) as rn, (select t${i} from totals) as total ` +
          `from (select * from picked where ${condition} order by ${order} limit ${cut}) x`,
      ),
  );
  // Every list's total in one pass over the flagged rows, not one pass each.
  const totals = sql.raw(`select ${ATTENTION.map(([, condition], i) => `count(*) filter (where ${condition}) as t${i}`).join(", ")} from picked`);
  // The flags read the status row alone: its copies of the client's scope, name, consultant and
  // creation date (migration 0012) spare a join of the firm's clients and assignments.
  const listed = await queryRows<Row & { list: AttentionKey; rn: string | number; total: string | number }>(
    db,
    sql`with base as (
      select cs.client_id as id, cs.name_key, cs.archived, cs.created_on, cs.last_check_in, cs.stage, cs.stage_since,
             cs.previous_stage, (${today}::date - cs.stage_since) as days_in_stage, cs.override_stage, cs.self_stage
      from client_status cs where ${copiesScope(actor, "cs", opts.scope)}
    ),
    ${flagsCtes(today, await overdueThresholds(db, actor.firmId, today))},
    picked as materialized (
      select id, name_key as lname, days_in_stage, ${sql.raw(FLAGS)}
      from status where flag_count > 0
    ),
    totals as (${totals}),
    lists as (${sql.join(branches, sql` union all `)})
    select l.list, l.rn, l.total, cs.client_id as id, cs.name, cs.industry, cs.archived, cs.consultant_id, u.name as consultant_name,
      cs.check_in_count, cs.last_check_in::text as last_check_in, cs.stage, cs.confidence, cs.stage_since::text as stage_since,
      l.days_in_stage, cs.previous_stage, cs.override_stage, cs.self_stage, cs.self_date::text as self_date, ${sql.raw(FLAGS.split(", ").map((c) => `l.${c}`).join(", "))}
    from lists l join client_status cs on cs.firm_id = ${actor.firmId} and cs.client_id = l.id
      left join ${users} u on u.firm_id = ${actor.firmId} and u.id = cs.consultant_id
    order by l.list, l.rn`,
  );
  const out = Object.fromEntries(ATTENTION.map(([key]) => [key, { total: 0, rows: [] as ClientStatus[] }])) as Record<AttentionKey, { total: number; rows: ClientStatus[] }>;
  for (const r of listed) {
    out[r.list].total = Number(r.total);
    if (limit === null || Number(r.rn) <= limit) out[r.list].rows.push(toStatus(r));
  }
  return out;
}

/**
 * The status of every client the actor may see (unpaged, by name): current stage and since when,
 * last check-in, override, self-assessment and attention flags. For the portfolio and exports.
 */
export async function listClientStatus(db: Db | Tx, actor: Actor, opts: StatusOptions = {}): Promise<ClientStatus[]> {
  const rows = await queryRows<Row>(db, sql`${await statusWith(db, actor, opts)} select ${COLUMNS} from status ${opts.flaggedOnly ? sql`where flag_count > 0` : sql``} order by name_key, id`);
  return rows.map(toStatus);
}

/** One visible client's status (archived or not); null when it does not exist for the actor. */
export async function getClientStatus(db: Db | Tx, actor: Actor, clientId: string, today?: string): Promise<ClientStatus | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [row] = await listClientStatus(db, actor, { includeArchived: true, today, where: sql`${clients.id} = ${clientId}` });
  return row ?? null;
}

/** The search text as the lists use it, or undefined: PostgreSQL text cannot hold NUL, and a name never contains one. */
function searchText(q: string | undefined): string | undefined {
  return q?.replace(/\u0000/g, "").trim() || undefined;
}

/**
 * The name conditions on a name_key column (lower(name)): a part of the name, or the whole name.
 * The search text is lowered by the database too, so both sides fold case the same way (the
 * embedded database's C locale folds ASCII letters only, where JavaScript folds them all).
 */
function nameMatch(column: SQL, query: { q?: string; name?: string }): SQL {
  const q = searchText(query.q);
  const name = searchText(query.name);
  const parts: SQL[] = [];
  if (q) parts.push(sql` and ${column} like lower(${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`);
  if (name) parts.push(sql` and ${column} = lower(${name})`);
  return sql.join(parts, sql``);
}

/** The filters of a list query as a condition on `status`. */
function filterSql(query: ClientListQuery): SQL {
  const parts: SQL[] = [sql`${query.archived === true ? sql`archived = true` : sql`archived = false`}${nameMatch(sql`name_key`, query)}`];
  if (query.stage === "none") parts.push(sql`stage is null`);
  else if (query.stage !== undefined) parts.push(sql`stage = ${query.stage}`);
  if (query.flag) parts.push(sql.raw(FLAG_COLUMN[query.flag]));
  return sql.join(parts, sql` and `);
}

const SORT_SQL: Record<ClientSort, string> = {
  name: "name_key",
  stage: "stage",
  lastCheckIn: "last_check_in",
  daysInStage: "days_in_stage",
  consultant: "lower(consultant_name)",
  flags: "flag_count",
};

/** Missing values (no stage, no check-in) last either way; ties by name, then id (a total order). */
function orderSql(query: ClientListQuery): SQL {
  const sort = query.sort ?? "name";
  const dir = query.dir === "desc" ? "desc" : "asc";
  return sql.raw(`${SORT_SQL[sort]} ${dir} nulls last, name_key ${sort === "name" ? dir : "asc"}, id ${sort === "name" ? dir : "asc"}`);
}

/** The rows of the client list for a query: filtered, sorted and (when given) cut in SQL. */
async function listRows(db: Db | Tx, actor: Actor, query: ClientListQuery, cut?: { limit: number; offset: number }): Promise<ClientStatus[]> {
  const page = cut ? sql` limit ${cut.limit} offset ${cut.offset}` : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`${await statusWith(db, actor, { includeArchived: true, today: query.today })} select ${COLUMNS} from status where ${filterSql(query)} order by ${orderSql(query)}${page}`,
  );
  return rows.map(toStatus);
}

/** All visible clients matching the query (search, stage, flag, archived), sorted: the /clients page's query, unpaged. */
export async function listClientsForList(db: Db | Tx, actor: Actor, query: ClientListQuery = {}): Promise<ClientStatus[]> {
  if (!can(actor, "clients.list")) return [];
  return listRows(db, actor, query);
}

/** Clamps a raw page number (from the URL) to 1..pageCount; garbage gives 1. */
export function clampPage(raw: unknown, pageCount: number): number {
  const n = typeof raw === "number" ? raw : Number.parseInt(String(raw ?? ""), 10);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), Math.max(1, pageCount));
}

/**
 * The /clients page's usual query (by name, filtered at most by archive and search) counts and
 * cuts the page on `clients` alone, by the (firm_id, name_key, id) index, and reads the stored
 * status of only the page's rows: a late page then costs about what the first one does.
 */
async function listClientPageByName(db: Db | Tx, actor: Actor, query: ClientListQuery, page: unknown, pageSize: number): Promise<ClientPage> {
  const where = sql`${clientScope(actor)} and ${clients.archived} = ${query.archived === true}${nameMatch(sql`${clients.nameKey}`, query)}`;
  const [{ n }] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from ${clients} where ${where}`);
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = clampPage(page, pageCount);
  const dir = sql.raw(query.dir === "desc" ? "desc" : "asc");
  const ids = (
    await queryRows<{ id: string }>(
      db,
      sql`select ${clients.id} as id from ${clients} where ${where} order by ${clients.nameKey} ${dir}, ${clients.id} ${dir} limit ${pageSize} offset ${(p - 1) * pageSize}`,
    )
  ).map((r) => r.id);
  if (ids.length === 0) return { rows: [], total, page: p, pageCount, pageSize };
  const rows = await queryRows<Row>(
    db,
    sql`${await statusWith(db, actor, { includeArchived: true, today: query.today, where: sql`${clients.id} = any(${uuidArray(ids)})` })}
      select ${COLUMNS} from status order by ${orderSql(query)}`,
  );
  return { rows: rows.map(toStatus), total, page: p, pageCount, pageSize };
}

/** One numbered page of the /clients page: filtered, sorted and cut in SQL, with the total count. */
export async function listClientPage(db: Db | Tx, actor: Actor, query: ClientListQuery, page: unknown, pageSize = CLIENT_PAGE_SIZE): Promise<ClientPage> {
  if (!can(actor, "clients.list")) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize };
  if ((query.sort ?? "name") === "name" && query.stage === undefined && !query.flag) return listClientPageByName(db, actor, query, page, pageSize);
  const cte = await statusWith(db, actor, { includeArchived: true, today: query.today });
  const [{ n }] = await queryRows<{ n: number | string }>(db, sql`${cte} select count(*) as n from status where ${filterSql(query)}`);
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const p = clampPage(page, pageCount);
  const rows = await listRows(db, actor, query, { limit: pageSize, offset: (p - 1) * pageSize });
  return { rows, total, page: p, pageCount, pageSize };
}

/** Position after which a keyset page of the API's client list starts: the last row's (lower(name), id), i.e. (name_key, id). */
export interface ClientKey {
  n: string;
  id: string;
}

/**
 * A keyset page of the API's client list (active clients, by lower(name) then id), at most
 * `limit` rows after `after`; `next` is the key of the last row when more rows follow.
 */
/** The statement behind listClientStatusPage (tests read its plan): limit + 1 rows after the cursor. */
export async function clientStatusPageSql(db: Db | Tx, actor: Actor, opts: { q?: string; name?: string; stage?: number; after?: ClientKey; limit: number; today?: string }): Promise<SQL> {
  // The keyset condition, plus its first column alone: that one starts the scan of the
  // (firm_id, name_key, id) index at the cursor (a row comparison cannot, under row-level
  // security), so a late page reads about as many rows as the first instead of the whole firm.
  const after = (key: SQL, id: SQL) => (opts.after ? sql` and ${key} >= ${opts.after.n} and (${key}, ${id}) > (${opts.after.n}, ${opts.after.id}::uuid)` : sql``);
  // Without a stage filter the page's clients are known from `clients` alone: cut them there, so
  // the status, consultant and flags are joined for one page, not for every client of the
  // consultant (which the planner cannot count well for a small firm among large ones).
  const page =
    opts.stage === undefined
      ? sql`${clients.id} in (select ${clients.id} from ${clients} where ${clientScope(actor)} and ${clients.archived} = false${nameMatch(sql`${clients.nameKey}`, opts)}${after(sql`${clients.nameKey}`, sql`${clients.id}`)} order by ${clients.nameKey}, ${clients.id} limit ${opts.limit + 1})`
      : undefined;
  return sql`${await statusWith(db, actor, { includeArchived: false, today: opts.today, where: page })}
      select ${COLUMNS}, name_key as lname from status where ${filterSql({ q: opts.q, name: opts.name, stage: opts.stage })}${after(sql`name_key`, sql`id`)}
      order by name_key, id limit ${opts.limit + 1}`;
}

export async function listClientStatusPage(
  db: Db | Tx,
  actor: Actor,
  opts: { q?: string; name?: string; stage?: number; after?: ClientKey; limit: number; today?: string },
): Promise<{ rows: ClientStatus[]; next: ClientKey | null }> {
  if (!can(actor, "clients.list")) return { rows: [], next: null };
  const rows = await queryRows<Row>(db, await clientStatusPageSql(db, actor, opts));
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { rows: page.map(toStatus), next: rows.length > opts.limit && last ? { n: last.lname!, id: last.id } : null };
}
