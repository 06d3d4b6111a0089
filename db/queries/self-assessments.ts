import { and, desc, eq } from "drizzle-orm";
import { refreshStatus } from "./stage-history";
import type { Db } from "../index";
import { clients, selfAssessments, type SelfAssessment } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";
import { todayFor } from "../../lib/time/zone";

/** The latest answer to "which stage would you put yourself in?" for a visible client. */
export async function latestSelfAssessment(db: Db, actor: Actor, clientId: string): Promise<SelfAssessment | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [row] = await db
    .select({ s: selfAssessments })
    .from(selfAssessments)
    .innerJoin(clients, eq(clients.id, selfAssessments.clientId))
    .where(and(eq(selfAssessments.clientId, clientId), clientScope(actor)))
    .orderBy(desc(selfAssessments.createdAt))
    .limit(1);
  return row?.s ?? null;
}

export async function listSelfAssessments(db: Db, actor: Actor, clientId: string): Promise<SelfAssessment[]> {
  if (!UUID_RE.test(clientId)) return [];
  const rows = await db
    .select({ s: selfAssessments })
    .from(selfAssessments)
    .innerJoin(clients, eq(clients.id, selfAssessments.clientId))
    .where(and(eq(selfAssessments.clientId, clientId), clientScope(actor)))
    .orderBy(desc(selfAssessments.createdAt));
  return rows.map((r) => r.s);
}

/** A client user answers for their own client only; null = not allowed. */
export async function recordSelfAssessment(
  db: Db,
  actor: Actor,
  input: { stage: number; note?: string | null; date?: string },
): Promise<SelfAssessment | null> {
  if (!can(actor, "self-assessment.write") || !actor.clientId) return null;
  if (!Number.isInteger(input.stage) || input.stage < 1 || input.stage > 6) return null;
  const clientId = actor.clientId;
  return db.transaction(async (tx) => {
    // The same lock as every other writer of this client's status, so their refreshes cannot interleave.
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).for("update").limit(1);
    if (!client) return null;
    const [row] = await tx
      .insert(selfAssessments)
      .values({ clientId, userId: actor.id, stage: input.stage, note: input.note?.trim() || null, date: input.date ?? todayFor(actor) })
      .returning();
    await writeAudit(tx, actor, { action: "self-assessment.create", entityType: "self_assessment", entityId: row.id, clientId, after: { stage: row.stage, note: row.note } });
    await refreshStatus(tx, [clientId]);
    return row;
  });
}
