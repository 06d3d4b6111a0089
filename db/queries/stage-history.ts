import { asc, inArray, sql } from "drizzle-orm";
import type { Tx } from "../index";
import { checkIns, stageAssessments } from "../schema";
import { inferStages, type StageInput } from "../../lib/stages";
import { ENGINE_COLUMNS } from "./checkin-columns";

// The one place that turns stored check-ins into stored stage history. Every write path
// (a single check-in, an import, the seed) calls it inside its own transaction, so pages
// read stored stages and never run inference on a page view.

const BATCH = 1000;

/**
 * Rewrites the stage history of many clients: the same order as a single client's (date, then entry
 * order), the same engine call and the same stored rows, but a few statements per hundred clients
 * instead of four per client, which is what keeps a 50,000-row import well inside its time budget.
 */
export async function recomputeStagesMany(tx: Tx, clientIds: string[], progress: (n: number) => void = () => {}): Promise<void> {
  const PER_QUERY = 100;
  for (let i = 0; i < clientIds.length; i += PER_QUERY) {
    const part = clientIds.slice(i, i + PER_QUERY);
    // Only what the engine reads (StageInput's columns, from the field definitions): less to fetch and decode.
    const rows = await tx
      .select({ id: checkIns.id, clientId: checkIns.clientId, ...ENGINE_COLUMNS })
      .from(checkIns)
      .where(inArray(checkIns.clientId, part))
      .orderBy(asc(checkIns.clientId), asc(checkIns.date), asc(checkIns.createdAt));
    await tx.delete(stageAssessments).where(inArray(stageAssessments.clientId, part));
    const histories: { clientId: string; rows: typeof rows }[] = [];
    let start = 0;
    while (start < rows.length) {
      let end = start;
      while (end < rows.length && rows[end]!.clientId === rows[start]!.clientId) end++;
      histories.push({ clientId: rows[start]!.clientId, rows: rows.slice(start, end) });
      start = end;
    }
    await storeStages(tx, histories);
    progress(part.length);
  }
}

/** Infers and stores the stage history of clients whose (ordered) check-ins are given; their old rows must be gone. */
export async function storeStages(tx: Tx, histories: { clientId: string; rows: (StageInput & { id: string })[] }[]): Promise<void> {
  const values: Record<string, unknown>[] = [];
  for (const { clientId, rows } of histories) {
    if (rows.length === 0) continue;
    inferStages(rows).forEach((e, seq) => {
      values.push({ check_in_id: rows[e.index]!.id, client_id: clientId, date: e.date, seq, stage: e.stage, confidence: e.confidence, reasons: e.reasons, missing: e.missing });
    });
  }
  for (let k = 0; k < values.length; k += 5 * BATCH) {
    await tx.execute(sql`
      insert into ${stageAssessments} (check_in_id, client_id, date, seq, stage, confidence, reasons, missing)
      select check_in_id, client_id, date, seq, stage, confidence, reasons, missing
      from jsonb_to_recordset(${JSON.stringify(values.slice(k, k + 5 * BATCH))}::jsonb)
        as r(check_in_id uuid, client_id uuid, date date, seq integer, stage smallint, confidence real, reasons jsonb, missing jsonb)`);
  }
}

