import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { auditLog, clients, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  clientId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(tx: Db | Tx, actor: Pick<Actor, "id" | "firmId">, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    firmId: actor.firmId,
    actorId: actor.id,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    clientId: input.clientId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

export interface AuditRow {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  clientId: string | null;
  clientName: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_PAGE_SIZE = 50;
/** Deeper than any firm's log goes; bounds the OFFSET so a huge page number cannot overflow it. */
export const AUDIT_MAX_PAGE = 100_000;

/** The firm's audit log, newest first, optionally for one client and/or one user; null for non-managers. */
export async function listAudit(
  db: Db | Tx,
  actor: Actor,
  opts: { clientId?: string | null; userId?: string | null; page?: number } = {},
): Promise<{ rows: AuditRow[]; page: number; hasMore: boolean } | null> {
  if (!can(actor, "audit.read")) return null;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if ((opts.clientId && !uuid.test(opts.clientId)) || (opts.userId && !uuid.test(opts.userId))) return { rows: [], page: 1, hasMore: false };
  const requested = Math.floor(opts.page ?? 1);
  const page = Number.isFinite(requested) ? Math.min(AUDIT_MAX_PAGE, Math.max(1, requested)) : 1;
  const conds = [eq(auditLog.firmId, actor.firmId)];
  if (opts.clientId) conds.push(eq(auditLog.clientId, opts.clientId));
  if (opts.userId) conds.push(eq(auditLog.actorId, opts.userId));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      clientId: auditLog.clientId,
      clientName: clients.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(clients, eq(clients.id, auditLog.clientId))
    .where(and(...conds))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, at: r.at.toISOString() })), page, hasMore: rows.length > AUDIT_PAGE_SIZE };
}
