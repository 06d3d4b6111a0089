import { asc, inArray, sql } from "drizzle-orm";
import { jsonList, queryRows, uuidArray, type JsonList, type Tx } from "../index";
import { checkIns } from "../schema";
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
  // Round trips are a large part of a single check-in's cost (docs/performance.md), and so is
  // planning: one call of write_stage_history (migration 0013), whose statements PostgreSQL plans
  // once per connection, deletes the old tails, stores the new rows and rewrites the status rows.
  // Very long histories (over 5,000 rows) go in more than one call; the last rewrites the status.
  const ids = histories.map((h) => h.clientId);
  const assessed = new Map<string, StoredAssessment>();
  const stages = new Map<string, StageChange>();
  if (ids.length === 0) return { stages, assessed };
  const calls = Math.max(1, Math.ceil(Math.max(assessments.length, spells.length) / CHUNK));
  for (let i = 0; i < calls; i++) {
    const last = i === calls - 1;
    const rows = await queryRows<{ status_client: string | null; stage_after: number | string | null; stage_before: number | string | null; assessment: unknown }>(tx, sql`
      select * from write_stage_history(
        ${i === 0 && replace && tails.length ? JSON.stringify(tails) : null}::jsonb,
        ${JSON.stringify(assessments.slice(i * CHUNK, (i + 1) * CHUNK))}::jsonb,
        ${JSON.stringify(spells.slice(i * CHUNK, (i + 1) * CHUNK))}::jsonb,
        ${want ?? null}::uuid,
        ${last ? uuidArray(ids) : sql`null::uuid[]`})`);
    for (const r of rows) {
      if (r.assessment !== null && want) assessed.set(want, storedAssessment(r.assessment));
      if (r.status_client) stages.set(r.status_client, { before: stageOf(r.stage_before), after: stageOf(r.stage_after) });
    }
  }
  return { stages, assessed };
}

/** Rows a call of write_stage_history stores at most, of each table. */
const CHUNK = 5 * BATCH;

const stageOf = (v: number | string | null) => (v === null ? null : Number(v));

function storedAssessment(v: unknown): StoredAssessment {
  const a = (typeof v === "string" ? JSON.parse(v) : v) as { seq: number; stage: number; confidence: number; reasons: JsonList<string>; missing: JsonList<string> };
  return { stage: Number(a.stage), confidence: Number(a.confidence), reasons: jsonList(a.reasons), missing: jsonList(a.missing), seq: Number(a.seq) };
}

/**
 * Rewrites the stored status row of these clients from their stored history, spells, latest
 * active override and latest self-assessment: refresh_client_status (migration 0013, the rules of
 * migration 0007), which write_stage_history also calls. Called in the transaction of every
 * change to any of them; a few index lookups per client. Returns each client's current inferred
 * stage as written.
 */
export async function refreshStatus(tx: Tx, clientIds: readonly string[]): Promise<Map<string, number | null>> {
  const changes = await refreshStatusChanges(tx, clientIds);
  return new Map([...changes].map(([id, c]) => [id, c.after]));
}

/** refreshStatus, with each client's stage before the write as well (from the row it replaces). */
async function refreshStatusChanges(tx: Tx, clientIds: readonly string[]): Promise<Map<string, StageChange>> {
  if (clientIds.length === 0) return new Map();
  const rows = await queryRows<{ status_client: string; stage_after: number | string | null; stage_before: number | string | null }>(
    tx,
    sql`select * from refresh_client_status(${uuidArray(clientIds)})`,
  );
  return new Map(rows.map((r) => [r.status_client, { before: stageOf(r.stage_before), after: stageOf(r.stage_after) }]));
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
