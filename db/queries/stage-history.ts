import { asc, inArray, sql } from "drizzle-orm";
import { queryRows, uuidArray, type Tx } from "../index";
import { checkIns, stageAssessments } from "../schema";
import { inferStages, type StageEntry, type StageInput } from "../../lib/stages";
import { firstChangedSpell, spellsOf } from "../../lib/stages/spells";
import { ENGINE_COLUMNS } from "./checkin-columns";
import { rulesOfClients, type RuleSet } from "./rules";

// The one place that turns stored check-ins into stored stage history, stage spells and each
// client's stored status. Every write path (a check-in, an import, an override, a
// self-assessment, the seed) calls it inside its own transaction, so pages read stored rows and
// never run inference or recompute a status on a page view.

const BATCH = 1000;
const PER_QUERY = 100;

type History = { clientId: string; rows: (StageInput & { id: string })[] };

/** One check-in's assessment as stored (stage_assessments). */
export interface StoredAssessment {
  stage: number;
  confidence: number;
  reasons: string[];
  missing: string[];
  seq: number;
}

interface Written {
  stages: Map<string, StageChange>;
  /** The stored assessment of the check-in asked for, by its id. */
  assessed: Map<string, StoredAssessment>;
}

/** A client's inferred current stage before and after a write (null: no stage). */
export interface StageChange {
  before: number | null;
  after: number | null;
}

/** A client's history changed from this date on (YYYY-MM-DD): earlier assessments stay as stored. */
export type ChangedSince = ReadonlyMap<string, string>;

/**
 * Brings the stored stage history, spells and status of many clients up to date with their
 * check-ins: the same order as a single client's (date, then entry order), the same engine call
 * and the same stored rows, a few statements per hundred clients.
 *
 * With `since`, a client's history is rewritten only from the earliest changed date: the engine
 * never rewrites an earlier stage when a later check-in is added (a tested property,
 * lib/stages/properties.test.ts), so the assessments before that date are already right. The
 * engine still reads the whole history to rebuild its state (microseconds per check-in); the
 * database writes only the changed tail.
 *
 * Each client's history is computed with its firm's applied rules (firms.rule_version), unless
 * `rules` says which (a firm's recompute to a new version, lib/insight/recompute.ts). Reading the
 * applied version waits for a firm's recompute in progress, so no history is written with rules
 * that are about to be replaced (db/queries/rules.ts).
 */
export async function recomputeStagesMany(
  tx: Tx,
  clientIds: string[],
  progress: (n: number) => void | Promise<void> = () => {},
  since?: ChangedSince,
  rules?: RuleSet,
): Promise<Map<string, StageChange>> {
  const stages = new Map<string, StageChange>();
  for (let i = 0; i < clientIds.length; i += PER_QUERY) {
    const part = clientIds.slice(i, i + PER_QUERY);
    for (const [id, change] of (await recomputePart(tx, part, since, rules)).stages) stages.set(id, change);
    await progress(part.length);
  }
  return stages;
}

/**
 * One client's history from `since` on, as recomputeStagesMany writes it, with the assessment of
 * the check-in `checkInId` as stored, read back from the statement that stored it (null when the
 * write left it alone): a check-in's create or edit answers with it, with no read of its own.
 */
export async function recomputeClient(tx: Tx, clientId: string, since?: string, checkInId?: string): Promise<StageChange & { assessment: StoredAssessment | null }> {
  const { stages, assessed } = await recomputePart(tx, [clientId], since === undefined ? undefined : new Map([[clientId, since]]), undefined, checkInId);
  return { ...(stages.get(clientId) ?? { before: null, after: null }), assessment: (checkInId && assessed.get(checkInId)) || null };
}

async function recomputePart(tx: Tx, part: string[], since?: ChangedSince, rules?: RuleSet, want?: string): Promise<Written> {
  // Only what the engine reads (StageInput's columns, from the field definitions): less to fetch and decode.
  const rows = await tx
    .select({ id: checkIns.id, clientId: checkIns.clientId, ...ENGINE_COLUMNS })
    .from(checkIns)
    .where(inArray(checkIns.clientId, part))
    .orderBy(asc(checkIns.clientId), asc(checkIns.date), asc(checkIns.createdAt));
  const byClient = new Map<string, History["rows"]>(part.map((id) => [id, []]));
  for (const r of rows) byClient.get(r.clientId)!.push(r);
  const histories = [...byClient].map(([clientId, rows]) => {
    const from = since?.get(clientId);
    // Check-ins are in date order, so every one dated before `from` is unchanged and keeps its position.
    const k = from === undefined ? 0 : rows.findIndex((r) => r.date >= from);
    return { clientId, rows, from: k === -1 ? rows.length : k };
  });
  return writeHistories(tx, histories, true, rules, want);
}

/**
 * Stores the stage history, spells and status of clients with no stored history yet, from their
 * check-ins given in stored order (date, then entry order): an import's new clients.
 */
export async function storeStages(tx: Tx, histories: History[]): Promise<void> {
  await writeHistories(tx, histories.map((h) => ({ ...h, from: 0 })), false);
}

interface Tail {
  client_id: string;
  /** First assessment position to rewrite. */
  k: number;
  /** First spell (by start_seq) to rewrite. */
  s: number;
}

async function writeHistories(tx: Tx, histories: (History & { from: number })[], replace = true, rules?: RuleSet, want?: string): Promise<Written> {
  const assessments: Record<string, unknown>[] = [];
  const spells: Record<string, unknown>[] = [];
  const tails: Tail[] = [];
  const byClient = rules ? null : await rulesOfClients(tx, histories.map((h) => h.clientId));
  for (const { clientId, rows, from } of histories) {
    const r = rules ?? byClient!.get(clientId)!;
    const entries: StageEntry[] = rows.length ? inferStages(rows, { settings: r.settings }) : [];
    const all = spellsOf(entries);
    const s = firstChangedSpell(all, from);
    tails.push({ client_id: clientId, k: from, s });
    entries.forEach((e, seq) => {
      if (seq < from) return;
      assessments.push({ check_in_id: rows[e.index]!.id, client_id: clientId, date: e.date, seq, stage: e.stage, confidence: e.confidence, reasons: e.reasons, missing: e.missing, rule_version: r.version });
    });
    for (const sp of all) {
      if (sp.startSeq < s) continue;
      spells.push({ client_id: clientId, start_seq: sp.startSeq, stage: sp.stage, started: sp.started, ended: sp.ended, next_stage: sp.nextStage });
    }
  }
  // Round trips are a large part of a single check-in's cost (docs/performance.md): both tables' tails go
  // in one statement, and both tables' new rows in one statement per batch.
  if (replace && tails.length) {
    const t = JSON.stringify(tails);
    await tx.execute(sql`
      with tails as (select * from jsonb_to_recordset(${t}::jsonb) as r(client_id uuid, k integer, s integer)),
      gone as (delete from stage_assessments a using tails r where a.client_id = r.client_id and a.seq >= r.k)
      delete from stage_spells p using tails r where p.client_id = r.client_id and p.start_seq >= r.s`);
  }
  const assessed = new Map<string, StoredAssessment>();
  for (let k = 0; k < Math.max(assessments.length, spells.length); k += 5 * BATCH) {
    // The statement also answers with the assessment of the check-in `want` as stored (the
    // database's own rounding of its confidence, as a read would give it); none without it.
    const found = await queryRows<{ check_in_id: string; seq: number | string; stage: number | string; confidence: number | string; reasons: unknown; missing: unknown }>(tx, sql`
      with added as (
        insert into ${stageAssessments} (check_in_id, client_id, date, seq, stage, confidence, reasons, missing, rule_version)
        select check_in_id, client_id, date, seq, stage, confidence, reasons, missing, rule_version
        from jsonb_to_recordset(${JSON.stringify(assessments.slice(k, k + 5 * BATCH))}::jsonb)
          as r(check_in_id uuid, client_id uuid, date date, seq integer, stage smallint, confidence real, reasons jsonb, missing jsonb, rule_version integer)
        returning check_in_id, seq, stage, confidence, reasons, missing
      ),
      spelled as (
        insert into stage_spells (client_id, start_seq, stage, started, ended, next_stage)
        select client_id, start_seq, stage, started, ended, next_stage
        from jsonb_to_recordset(${JSON.stringify(spells.slice(k, k + 5 * BATCH))}::jsonb)
          as r(client_id uuid, start_seq integer, stage smallint, started date, ended date, next_stage smallint)
      )
      select check_in_id, seq, stage, confidence, reasons, missing from added where check_in_id = ${want ?? null}::uuid`);
    for (const r of found) {
      assessed.set(r.check_in_id, { stage: Number(r.stage), confidence: Number(r.confidence), reasons: jsonList(r.reasons), missing: jsonList(r.missing), seq: Number(r.seq) });
    }
  }
  return { stages: await refreshStatusChanges(tx, histories.map((h) => h.clientId)), assessed };
}

const jsonList = (v: unknown): string[] => (typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string[] | null) ?? []);

/**
 * Rewrites the stored status row of these clients from their stored history, spells, latest
 * active override and latest self-assessment. Called in the transaction of every change to any
 * of them; a few index lookups per client. The same rules fill the rows in migration 0007.
 * Returns each client's current inferred stage as written.
 */
export async function refreshStatus(tx: Tx, clientIds: readonly string[]): Promise<Map<string, number | null>> {
  const changes = await refreshStatusChanges(tx, clientIds);
  return new Map([...changes].map(([id, c]) => [id, c.after]));
}

/** refreshStatus, with each client's stage before the write as well (from the row it replaces). */
async function refreshStatusChanges(tx: Tx, clientIds: readonly string[]): Promise<Map<string, StageChange>> {
  if (clientIds.length === 0) return new Map();
  const ids = uuidArray(clientIds);
  // `prior` reads the rows as they were before this statement (one snapshot for the whole
  // statement): the stage before the write, without a round trip of its own. Every client has its
  // row from the moment it is inserted (migration 0012), so this updates it.
  const rows = await queryRows<{ client_id: string; stage: number | null; before: number | null }>(tx, sql`
    with prior as (select client_id, stage from client_status where client_id = any(${ids})),
    fresh as (
      select c.id, la.stage, la.confidence, op.started as stage_since, cl.stage as previous_stage, la.date as last_check_in,
             coalesce(la.seq + 1, 0) as check_in_count,
             (select o.stage from stage_overrides o where o.client_id = c.id and o.withdrawn_at is null order by o.created_at desc limit 1) as override_stage,
             sa.stage as self_stage, sa.date as self_date
      from clients c
      left join lateral (select a.stage, a.confidence, a.date, a.seq from stage_assessments a where a.client_id = c.id order by a.seq desc limit 1) la on true
      left join lateral (select s.started from stage_spells s where s.client_id = c.id and s.ended is null) op on true
      left join lateral (select s.stage from stage_spells s where s.client_id = c.id and s.ended is not null order by s.start_seq desc limit 1) cl on true
      left join lateral (select x.stage, x.date from self_assessments x where x.client_id = c.id order by x.created_at desc limit 1) sa on true
      where c.id = any(${ids})
    )
    update client_status cs set
      stage = f.stage, confidence = f.confidence, stage_since = f.stage_since, previous_stage = f.previous_stage,
      last_check_in = f.last_check_in, check_in_count = f.check_in_count, override_stage = f.override_stage,
      self_stage = f.self_stage, self_date = f.self_date, updated_at = now()
    from fresh f where cs.client_id = f.id
    returning cs.client_id, cs.stage, (select p.stage from prior p where p.client_id = cs.client_id) as before`);
  const stage = (v: number | null) => (v === null ? null : Number(v));
  return new Map(rows.map((r) => [r.client_id, { before: stage(r.before), after: stage(r.stage) }]));
}

/**
 * Rebuilds the spells and status of these clients from their stored assessments as they stand,
 * without running the engine: for histories written directly (test fixtures that fix each stage)
 * and for checking that stored spells match the stored history (db/queries/consistency.ts).
 * The same SQL derives the spells in migration 0007.
 */
export async function rederiveFromStoredHistory(tx: Tx, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  const ids = uuidArray(clientIds);
  await tx.execute(sql`delete from stage_spells where client_id = any(${ids})`);
  await tx.execute(sql`
    insert into stage_spells (client_id, start_seq, stage, started, ended, next_stage)
    select client_id, seq, stage, date, lead(date) over w, lead(stage) over w
    from (
      select client_id, seq, stage, date, lag(stage) over (partition by client_id order by seq) as prev
      from stage_assessments where client_id = any(${ids})
    ) h
    where prev is null or prev <> stage
    window w as (partition by client_id order by seq)`);
  await refreshStatus(tx, clientIds);
}
