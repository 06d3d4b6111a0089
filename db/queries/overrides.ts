import { and, desc, eq, isNull } from "drizzle-orm";
import { refreshStatus } from "./stage-history";
import type { Db } from "../index";
import { clients, stageOverrides, users, type StageOverride } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";
import { lockClientForWrite } from "./checkins";

export interface OverrideInput {
  stage: number;
  /** Required, 1-2000 characters (the caller validates; the table checks again). */
  reason: string;
  internal: boolean;
  effectiveDate: string;
}

export interface OverrideRow extends StageOverride {
  authorName: string | null;
}

function auditView(o: StageOverride) {
  return { stage: o.stage, reason: o.reason, internal: o.internal, effectiveDate: o.effectiveDate, withdrawnAt: o.withdrawnAt };
}

/**
 * A consultant's stage judgement beside the inference. A client has at most one active
 * override: a new one withdraws the previous one in the same transaction.
 */
export async function createOverride(db: Db, actor: Actor, clientId: string, input: OverrideInput): Promise<StageOverride | null> {
  if (!can(actor, "overrides.write")) return null;
  if (!Number.isInteger(input.stage) || input.stage < 1 || input.stage > 6) return null;
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 2000) return null;
  return db.transaction(async (tx) => {
    // lockClientForWrite checks checkins.write; overrides are written by the same roles, and
    // the lock serialises two overrides for one client.
    const client = await lockClientForWrite(tx, actor, clientId);
    if (!client) return null;
    const now = new Date();
    const replaced = await tx
      .update(stageOverrides)
      .set({ withdrawnAt: now, withdrawnBy: actor.id })
      .where(and(eq(stageOverrides.clientId, clientId), isNull(stageOverrides.withdrawnAt)))
      .returning();
    for (const r of replaced) {
      await writeAudit(tx, actor, { action: "override.withdraw", entityType: "stage_override", entityId: r.id, clientId, before: { withdrawnAt: null }, after: auditView(r) });
    }
    const [row] = await tx
      .insert(stageOverrides)
      .values({ clientId, stage: input.stage, reason, internal: input.internal, effectiveDate: input.effectiveDate, authorId: actor.id })
      .returning();
    await writeAudit(tx, actor, { action: "override.create", entityType: "stage_override", entityId: row.id, clientId, after: auditView(row) });
    await refreshStatus(tx, [clientId]);
    return row;
  });
}

/** Withdraws an active override; null when it is not visible, not writable or already withdrawn. */
export async function withdrawOverride(db: Db, actor: Actor, overrideId: string): Promise<StageOverride | null> {
  if (!can(actor, "overrides.write") || !UUID_RE.test(overrideId)) return null;
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ clientId: stageOverrides.clientId }).from(stageOverrides).where(eq(stageOverrides.id, overrideId)).limit(1);
    if (!found) return null;
    if (!(await lockClientForWrite(tx, actor, found.clientId))) return null;
    const [row] = await tx
      .update(stageOverrides)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.id })
      .where(and(eq(stageOverrides.id, overrideId), eq(stageOverrides.clientId, found.clientId), isNull(stageOverrides.withdrawnAt)))
      .returning();
    if (!row) return null;
    await writeAudit(tx, actor, { action: "override.withdraw", entityType: "stage_override", entityId: row.id, clientId: row.clientId, before: { withdrawnAt: null }, after: auditView(row) });
    await refreshStatus(tx, [row.clientId]);
    return row;
  });
}

/** A visible client's overrides, newest first (withdrawn ones included); null when the client is not visible. */
export async function listOverrides(db: Db, actor: Actor, clientId: string): Promise<OverrideRow[] | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [visible] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), clientScope(actor))).limit(1);
  if (!visible) return null;
  const rows = await db
    .select({ o: stageOverrides, authorName: users.name })
    .from(stageOverrides)
    .leftJoin(users, eq(users.id, stageOverrides.authorId))
    .where(and(eq(stageOverrides.clientId, clientId), can(actor, "notes.internal.read") ? undefined : eq(stageOverrides.internal, false)))
    .orderBy(desc(stageOverrides.createdAt));
  return rows.map((r) => ({ ...r.o, authorName: r.authorName }));
}

/** The override in force: the newest one not withdrawn. */
export function activeOverride<T extends StageOverride>(rows: readonly T[]): T | null {
  return rows.find((r) => r.withdrawnAt === null) ?? null;
}
