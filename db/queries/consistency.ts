import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../index";
import { recomputeStagesMany } from "./stage-history";

// Invariants the database must hold whatever crashed or raced, checked the way Discourse
// checks its own: each finding names the rule and a few offending ids. Read-only: the
// recomputation runs in a transaction that is always rolled back.

export interface Finding {
  rule: string;
  count: number;
  examples: string[];
}

const STORED = sql`
  select check_in_id, client_id, date::text as date, seq, stage, confidence, reasons::text as reasons, missing::text as missing, rule_version
  from stage_assessments order by client_id, seq`;

interface StoredRow {
  check_in_id: string;
  client_id: string;
  date: string;
  seq: number;
  stage: number;
  confidence: number;
  reasons: string;
  missing: string;
  rule_version: number;
}

// The derived rows the writers keep beside the history: spells, and each client's status (a
// client without a status row reads as one with no stage and no check-ins, as the lists read it).
const SPELLS = sql`
  select client_id, concat_ws('|', start_seq, stage, started, ended, next_stage) as k from stage_spells order by client_id, start_seq`;
const STATUS = sql`
  select c.id as client_id, concat_ws('|', s.stage, round(s.confidence::numeric, 4), s.stage_since, s.previous_stage, s.last_check_in,
         coalesce(s.check_in_count, 0), s.override_stage, s.self_stage, s.self_date) as k
  from clients c left join client_status s on s.client_id = c.id order by c.id`;

class RollBack extends Error {}

const key = (r: StoredRow) => `${r.check_in_id}|${r.date}|${r.seq}|${r.stage}|${Number(r.confidence).toFixed(4)}|${r.reasons}|${r.missing}|${r.rule_version}`;

/**
 * Every client's stored stage history, spells and status compared with a full recomputation from
 * its check-ins (the writers recompute only from the changed date; this recomputes everything),
 * with its firm's applied rules (firms.rule_version); each assessment must name that version.
 */
async function historyMismatches(db: Db): Promise<string[]> {
  let mismatched: string[] = [];
  try {
    await db.transaction(async (tx) => {
      const derived = async () => {
        const m = new Map<string, string[]>();
        for (const r of [...(await queryRows<{ client_id: string; k: string }>(tx, SPELLS)), ...(await queryRows<{ client_id: string; k: string }>(tx, STATUS))]) {
          m.set(r.client_id, [...(m.get(r.client_id) ?? []), r.k]);
        }
        return m;
      };
      const before = await queryRows<StoredRow>(tx, STORED);
      const derivedBefore = await derived();
      const ids = (await queryRows<{ id: string }>(tx, sql`select id from clients`)).map((r) => r.id);
      await recomputeStagesMany(tx, ids);
      const after = await queryRows<StoredRow>(tx, STORED);
      const derivedAfter = await derived();
      const byClient = (rows: StoredRow[]) => {
        const m = new Map<string, string[]>();
        for (const r of rows) m.set(r.client_id, [...(m.get(r.client_id) ?? []), key(r)]);
        return m;
      };
      const a = byClient(before);
      const b = byClient(after);
      const same = (x: Map<string, string[]>, y: Map<string, string[]>, id: string) => (x.get(id) ?? []).join("\n") === (y.get(id) ?? []).join("\n");
      mismatched = ids.filter((id) => !same(a, b, id) || !same(derivedBefore, derivedAfter, id));
      throw new RollBack();
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  return mismatched;
}

async function ids(db: Db, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, query)).map((r) => r.id);
}

export async function checkConsistency(db: Db): Promise<Finding[]> {
  const rules: [string, () => Promise<string[]>][] = [
    ["check-in without a stored stage", () => ids(db, sql`select c.id from check_ins c left join stage_assessments s on s.check_in_id = c.id where s.check_in_id is null`)],
    ["stored stage for another client than its check-in", () => ids(db, sql`select s.check_in_id as id from stage_assessments s join check_ins c on c.id = s.check_in_id where c.client_id <> s.client_id or c.date <> s.date`)],
    ["stage history positions not 0..n-1", () => ids(db, sql`select client_id as id from stage_assessments group by client_id having min(seq) <> 0 or max(seq) <> count(*) - 1 or count(distinct seq) <> count(*)`)],
    ["client without its lead consultant", () => ids(db, sql`select c.id from clients c left join assignments a on a.client_id = c.id where a.client_id is null`)],
    ["check-in written through the app or API without its audit row", () => ids(db, sql`
      select c.id from check_ins c
      where c.idempotency_key is not null
        and not exists (select 1 from audit_log l where l.entity_type = 'check_in' and l.entity_id = c.id::text and l.action = 'checkin.create')`)],
    ["duplicate idempotency key", () => ids(db, sql`select idempotency_key as id from check_ins where idempotency_key is not null group by idempotency_key having count(*) > 1`)],
    // The copies of migration 0012, against their home in clients and assignments.
    ["status row or spell missing or out of step with its client's name, industry, archive or consultant", () => ids(db, sql`
      select c.id from clients c left join assignments a on a.client_id = c.id left join client_status s on s.client_id = c.id
      where s.client_id is null
         or (s.name, s.industry, s.archived, s.archived_on, s.created_on, s.consultant_id)
            is distinct from (c.name, c.industry, c.archived, c.archived_on, (c.created_at at time zone 'UTC')::date, a.consultant_id)
      union
      select c.id from clients c left join assignments a on a.client_id = c.id join stage_spells s on s.client_id = c.id
      where (s.industry, s.archived, s.archived_on, s.consultant_id) is distinct from (c.industry, c.archived, c.archived_on, a.consultant_id)`)],
    ["stage history, spells or status differ from a recomputation", () => historyMismatches(db)],
  ];
  const findings: Finding[] = [];
  for (const [rule, run] of rules) {
    const found = await run();
    findings.push({ rule, count: found.length, examples: found.slice(0, 5) });
  }
  return findings;
}
