import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { checkIns, clients, stageAssessments, users, type CheckIn } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { recomputeClient, type StageChange, type StoredAssessment } from "./stage-history";
import type { CheckInFields } from "../../lib/checkin-format/types";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";
import { atomically } from "../tenant";

/** The fields of the interchange format, taken from a stored check-in (derived from the field definitions). */
export { fieldsOf } from "./checkin-columns";
import { fieldsOf } from "./checkin-columns";

/**
 * Rewrites a client's stored stage history, spells and status from its check-ins: from `since`
 * (the earliest date the change touched) on, or the whole history without it. Runs inside the
 * transaction of the change, after the client row is locked, so pages only ever read stored
 * stages and two writers for one client cannot interleave.
 */
export async function recomputeStages(tx: Tx, clientId: string, since?: string): Promise<StageChange> {
  const { before, after } = await recomputeClient(tx, clientId, since);
  return { before, after };
}

/** Locks a visible client for a write; null when the actor may not write to it. */
export async function lockClientForWrite(tx: Tx, actor: Actor, clientId: string): Promise<{ id: string; firmId: string } | null> {
  if (!can(actor, "checkins.write") || !UUID_RE.test(clientId)) return null;
  const [row] = await tx
    .select({ id: clients.id, firmId: clients.firmId })
    .from(clients)
    .where(and(eq(clients.id, clientId), clientScope(actor)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export interface CheckInWriteResult {
  checkIn: CheckIn;
  stageBefore: number | null;
  stageAfter: number | null;
  /** True when an earlier request with the same idempotency key already created it. */
  duplicate: boolean;
  /** The check-in's assessment as the write stored it; absent for a duplicate, which did not write. */
  assessment?: StoredAssessment | null;
}

export async function createCheckIn(
  db: Db,
  actor: Actor,
  clientId: string,
  fields: CheckInFields,
  opts: { idempotencyKey?: string | null; notesInternal?: boolean } = {},
): Promise<CheckInWriteResult | null> {
  const key = opts.idempotencyKey ? `${actor.id}:${opts.idempotencyKey}` : null;
  return atomically(db, async (tx) => {
    const client = await lockClientForWrite(tx, actor, clientId);
    if (!client) return null;
    const [inserted] = await tx
      .insert(checkIns)
      .values({ ...fields, consultant: fields.consultant ?? actor.email, notesInternal: opts.notesInternal ?? true, clientId, authorId: actor.id, idempotencyKey: key })
      .onConflictDoNothing({ target: checkIns.idempotencyKey })
      .returning();
    if (!inserted) {
      const [existing] = await tx.select().from(checkIns).where(eq(checkIns.idempotencyKey, key!)).limit(1);
      if (!existing || existing.clientId !== clientId) return null;
      const stage = await currentStageOf(tx, clientId);
      return { checkIn: existing, stageBefore: stage, stageAfter: stage, duplicate: true };
    }
    const { before, after, assessment } = await recomputeClient(tx, clientId, inserted.date, inserted.id);
    await writeAudit(tx, actor, { action: "checkin.create", entityType: "check_in", entityId: inserted.id, clientId, after: fieldsOf(inserted) });
    return { checkIn: inserted, stageBefore: before, stageAfter: after, duplicate: false, assessment };
  });
}

export class StaleVersionError extends Error {
  constructor(public current: CheckIn) {
    super("This check-in was changed by someone else. Reload to see the latest version.");
  }
}

async function findWritableCheckIn(tx: Tx, actor: Actor, checkInId: string): Promise<CheckIn | null> {
  if (!UUID_RE.test(checkInId)) return null;
  const [row] = await tx.select({ clientId: checkIns.clientId }).from(checkIns).where(eq(checkIns.id, checkInId)).limit(1);
  if (!row) return null;
  if (!(await lockClientForWrite(tx, actor, row.clientId))) return null;
  const [current] = await tx.select().from(checkIns).where(eq(checkIns.id, checkInId)).limit(1);
  return current ?? null;
}

/** Optimistic concurrency: the edit applies only to the version the editor saw. */
export async function updateCheckIn(
  db: Db,
  actor: Actor,
  checkInId: string,
  expectedVersion: number,
  fields: CheckInFields,
  opts: { notesInternal?: boolean } = {},
): Promise<CheckInWriteResult | null> {
  return atomically(db, async (tx) => {
    const current = await findWritableCheckIn(tx, actor, checkInId);
    if (!current) return null;
    if (current.version !== expectedVersion) throw new StaleVersionError(current);
    const [updated] = await tx
      .update(checkIns)
      .set({ ...fields, consultant: fields.consultant ?? current.consultant, notesInternal: opts.notesInternal ?? current.notesInternal, version: sql`${checkIns.version} + 1`, updatedAt: new Date() })
      .where(and(eq(checkIns.id, checkInId), eq(checkIns.version, expectedVersion)))
      .returning();
    if (!updated) throw new StaleVersionError(current);
    // An edit that moves the date touches the history from the earlier of the two dates.
    const { before, after, assessment } = await recomputeClient(tx, current.clientId, current.date < updated.date ? current.date : updated.date, updated.id);
    await writeAudit(tx, actor, { action: "checkin.update", entityType: "check_in", entityId: checkInId, clientId: current.clientId, before: { ...fieldsOf(current), notesInternal: current.notesInternal }, after: { ...fieldsOf(updated), notesInternal: updated.notesInternal } });
    return { checkIn: updated, stageBefore: before, stageAfter: after, duplicate: false, assessment };
  });
}

export async function deleteCheckIn(db: Db, actor: Actor, checkInId: string, expectedVersion?: number): Promise<{ clientId: string; stageBefore: number | null; stageAfter: number | null } | null> {
  return atomically(db, async (tx) => {
    const current = await findWritableCheckIn(tx, actor, checkInId);
    if (!current) return null;
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new StaleVersionError(current);
    await tx.delete(checkIns).where(and(eq(checkIns.id, checkInId), eq(checkIns.clientId, current.clientId)));
    // The stage before comes from the stored status, which the cascade to the assessment leaves as it was.
    const { before, after } = await recomputeStages(tx, current.clientId, current.date);
    await writeAudit(tx, actor, { action: "checkin.delete", entityType: "check_in", entityId: checkInId, clientId: current.clientId, before: fieldsOf(current) });
    return { clientId: current.clientId, stageBefore: before, stageAfter: after };
  });
}

async function currentStageOf(tx: Db | Tx, clientId: string): Promise<number | null> {
  const [row] = await tx
    .select({ stage: stageAssessments.stage })
    .from(stageAssessments)
    .where(eq(stageAssessments.clientId, clientId))
    .orderBy(desc(stageAssessments.seq))
    .limit(1);
  return row?.stage ?? null;
}

export interface CheckInWithStage extends CheckIn {
  /** Who logged it (the author's name). */
  authorName: string | null;
  stage: number | null;
  confidence: number | null;
  reasons: string[] | null;
  missing: string[] | null;
  seq: number | null;
}

/** A visible client's check-ins with the stage inferred as of each, oldest first. */
export async function listCheckInsWithStages(db: Db, actor: Actor, clientId: string): Promise<CheckInWithStage[] | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [visible] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), clientScope(actor))).limit(1);
  if (!visible) return null;
  const rows = await db
    .select({ c: checkIns, authorName: users.name, stage: stageAssessments.stage, confidence: stageAssessments.confidence, reasons: stageAssessments.reasons, missing: stageAssessments.missing, seq: stageAssessments.seq })
    .from(checkIns)
    .leftJoin(stageAssessments, eq(stageAssessments.checkInId, checkIns.id))
    .leftJoin(users, eq(users.id, checkIns.authorId))
    .where(eq(checkIns.clientId, clientId))
    .orderBy(asc(stageAssessments.seq), asc(checkIns.date));
  return rows.map((r) => ({ ...r.c, authorName: r.authorName, stage: r.stage, confidence: r.confidence, reasons: r.reasons, missing: r.missing, seq: r.seq }));
}

/** The first check-in matching `where` among the actor's visible clients, in `order`. */
async function firstVisibleCheckIn(db: Db, actor: Actor, where: SQL, order: SQL[] = []): Promise<CheckIn | null> {
  const [row] = await db
    .select({ c: checkIns })
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .where(and(where, clientScope(actor)))
    .orderBy(...order)
    .limit(1);
  return row?.c ?? null;
}

/** One visible check-in (for the edit and delete pages); null when it does not exist for the actor. */
export async function getCheckIn(db: Db, actor: Actor, checkInId: string): Promise<CheckIn | null> {
  return UUID_RE.test(checkInId) ? firstVisibleCheckIn(db, actor, eq(checkIns.id, checkInId)) : null;
}

/** The check-in a new one is prefilled from: the client's latest by date (then by creation). */
export async function latestCheckIn(db: Db, actor: Actor, clientId: string): Promise<CheckIn | null> {
  return UUID_RE.test(clientId) ? firstVisibleCheckIn(db, actor, eq(checkIns.clientId, clientId), [desc(checkIns.date), desc(checkIns.createdAt)]) : null;
}
