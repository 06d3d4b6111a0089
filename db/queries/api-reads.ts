import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { checkIns, clients, stageAssessments, type CheckIn } from "../schema";
import type { Actor } from "../../lib/auth/permissions";
import { clientScope, UUID_RE } from "./scope";

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
