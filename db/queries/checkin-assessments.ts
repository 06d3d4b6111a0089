// Check-ins read together with the engine's assessment of each (stage_assessments): one
// check-in for the API, and a client's check-ins a keyset page at a time.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { checkIns, clients, stageAssessments, users, type CheckIn } from "../schema";
import type { Actor } from "../../lib/auth/permissions";
import { clientScope, UUID_RE } from "./scope";
import { isCalendarDate } from "../../lib/validation/primitives";

export interface CheckInAssessed extends CheckIn {
  stage: number | null;
  confidence: number | null;
  reasons: string[] | null;
  missing: string[] | null;
  seq: number | null;
}

/** One check-in of a visible client, with the stage inferred as of it; null when not visible. */
export async function getCheckInWithStage(db: Db | Tx, actor: Actor, checkInId: string): Promise<CheckInAssessed | null> {
  if (!UUID_RE.test(checkInId)) return null;
  const [row] = await db
    .select({ c: checkIns, stage: stageAssessments.stage, confidence: stageAssessments.confidence, reasons: stageAssessments.reasons, missing: stageAssessments.missing, seq: stageAssessments.seq })
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .leftJoin(stageAssessments, eq(stageAssessments.checkInId, checkIns.id))
    .where(and(eq(checkIns.id, checkInId), clientScope(actor)))
    .limit(1);
  if (!row) return null;
  return { ...row.c, stage: row.stage, confidence: row.confidence, reasons: row.reasons, missing: row.missing, seq: row.seq };
}

/**
 * Where a page of a client's check-ins starts: the ORDER BY columns of the last row before it.
 * The order is the engine's (seq), check-ins not (yet) assessed last, then date and id, so
 * it is total and same-day check-ins keep the engine's order across page boundaries.
 */
export interface CheckInKey {
  /** stage_assessments.seq, null for a check-in without a stored assessment. */
  s: number | null;
  /** check_ins.date, YYYY-MM-DD. */
  d: string;
  id: string;
}


export function isCheckInKey(v: unknown): v is CheckInKey {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const k = v as Record<string, unknown>;
  return (
    (k.s === null || (typeof k.s === "number" && Number.isInteger(k.s) && k.s >= 0 && k.s <= 2_147_483_647)) &&
    typeof k.d === "string" && isCalendarDate(k.d) &&
    typeof k.id === "string" && UUID_RE.test(k.id)
  );
}

const unassessed = sql`(${stageAssessments.seq} is null)`;

/**
 * A page of a visible client's check-ins with their assessments, at most `limit` after `after`,
 * in the engine's order; null when the client is not visible. `next` is set when more follow.
 */
export async function listCheckInAssessmentsPage(
  db: Db | Tx,
  actor: Actor,
  clientId: string,
  opts: { after?: CheckInKey; limit: number },
): Promise<{ rows: (CheckInAssessed & { authorName: string | null })[]; next: CheckInKey | null } | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [visible] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), clientScope(actor))).limit(1);
  if (!visible) return null;
  const a = opts.after;
  const after = a
    ? sql`(${unassessed}, coalesce(${stageAssessments.seq}, 0), ${checkIns.date}, ${checkIns.id}) > (${a.s === null}, ${a.s ?? 0}, ${a.d}::date, ${a.id}::uuid)`
    : undefined;
  const rows = await db
    .select({ c: checkIns, authorName: users.name, stage: stageAssessments.stage, confidence: stageAssessments.confidence, reasons: stageAssessments.reasons, missing: stageAssessments.missing, seq: stageAssessments.seq })
    .from(checkIns)
    .leftJoin(stageAssessments, eq(stageAssessments.checkInId, checkIns.id))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(and(eq(checkIns.clientId, clientId), after))
    .orderBy(asc(unassessed), asc(sql`coalesce(${stageAssessments.seq}, 0)`), asc(checkIns.date), asc(checkIns.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit).map((r) => ({ ...r.c, authorName: r.authorName, stage: r.stage, confidence: r.confidence, reasons: r.reasons, missing: r.missing, seq: r.seq }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > opts.limit && last ? { s: last.seq, d: last.date, id: last.id } : null };
}
