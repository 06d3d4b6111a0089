import type { Db, Tx } from "../index";
import { auditLog } from "../schema";
import type { Actor } from "../../lib/auth/permissions";

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
