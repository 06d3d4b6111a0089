import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { checkIns, clients } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import type { CheckInRecord } from "../../lib/checkin-format/types";
import { clientScope, UUID_RE } from "./scope";
import { fieldsOf } from "./checkins";

/**
 * The check-ins of one visible client (clientId) or of every visible client, as interchange-format
 * records ordered by client name then date (then entry order, so same-day check-ins import back in
 * the same order). Null when the client does not exist for this actor.
 */
export async function exportCheckIns(db: Db | Tx, actor: Actor, opts: { clientId?: string } = {}): Promise<CheckInRecord[] | null> {
  if (!can(actor, "clients.list")) return null;
  if (opts.clientId !== undefined) {
    if (!UUID_RE.test(opts.clientId)) return null;
    const [visible] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, opts.clientId), clientScope(actor))).limit(1);
    if (!visible) return null;
  }
  const where = opts.clientId !== undefined ? and(clientScope(actor), eq(clients.id, opts.clientId)) : clientScope(actor);
  const rows = await db
    .select({ client: clients.name, c: checkIns })
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .where(where)
    .orderBy(sql`lower(${clients.name})`, asc(clients.id), asc(checkIns.date), asc(checkIns.createdAt), asc(checkIns.id));
  return rows.map((r) => ({ client: r.client, ...fieldsOf(r.c) }));
}
