import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../index";
import { checkIns, clients } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import type { CheckInRecord } from "../../lib/checkin-format/types";
import { CHECKIN_FIELDS } from "../../lib/checkin-format/field-defs";
import { clientScope, UUID_RE } from "./scope";

// Export of the visible check-ins as interchange-format records, ordered by client name then date
// (then entry order, so same-day check-ins import back in the same order).
//
// The rows come from a cursor (DECLARE ... CURSOR / FETCH, plain SQL that PostgreSQL and PGlite
// both run, through PgBouncer too since it lives in one transaction): the database sorts once and
// hands out BATCH rows at a time, all from the snapshot the cursor was opened with. A streamed
// export therefore holds at most a batch or two in memory, whatever the firm's size.

/** Rows per FETCH: about 0.5 MB of CSV. */
export const EXPORT_BATCH = 2000;

const CURSOR = sql.raw("stageline_export");

export interface ExportTarget {
  /** The client's name when exporting one client that has check-ins (the file is named after it), else null. */
  clientName: string | null;
}

/**
 * Whether the actor may export (all visible clients, or `clientId`): null when the client does
 * not exist for this actor. Run it before answering, in the request's transaction.
 */
export async function exportTarget(db: Db | Tx, actor: Actor, clientId?: string): Promise<ExportTarget | null> {
  if (!can(actor, "clients.list")) return null;
  if (clientId === undefined) return { clientName: null };
  if (!UUID_RE.test(clientId)) return null;
  const [row] = await db.select({ name: clients.name }).from(clients).where(and(eq(clients.id, clientId), clientScope(actor))).limit(1);
  if (!row) return null;
  const [any] = await db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.clientId, clientId)).limit(1);
  return { clientName: any ? row.name : null };
}

/**
 * Reads the export batch by batch; `onBatch` may take its time (a slow download) and returns false
 * to stop early. Must run inside a transaction (the cursor lives in one); the caller has checked
 * `exportTarget`.
 */
export async function readExport(
  tx: Db | Tx,
  actor: Actor,
  opts: { clientId?: string; batchSize?: number },
  onBatch: (records: CheckInRecord[]) => Promise<boolean | void>,
): Promise<void> {
  const batch = opts.batchSize ?? EXPORT_BATCH;
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`export batch size must be a positive integer, got ${batch}`);
  const where = opts.clientId !== undefined ? and(clientScope(actor), eq(clients.id, opts.clientId))! : clientScope(actor);
  // Each field under its own key, so a row decodes the way a drizzle select would decode it.
  const columns = sql.join(
    [sql`${clients.name} as "client"`, ...CHECKIN_FIELDS.map((d) => sql`${checkIns[d.key]} as ${sql.identifier(d.key)}`)],
    sql`, `,
  );
  await tx.execute(sql`declare ${CURSOR} no scroll cursor for
    select ${columns} from ${checkIns} inner join ${clients} on ${clients.id} = ${checkIns.clientId}
    where ${where}
    order by lower(${clients.name}), ${clients.id}, ${checkIns.date}, ${checkIns.createdAt}, ${checkIns.id}`);
  for (;;) {
    const rows = await queryRows<Record<string, unknown>>(tx, sql`fetch forward ${sql.raw(String(batch))} from ${CURSOR}`);
    if (rows.length > 0 && (await onBatch(rows.map(toRecord))) === false) break;
    if (rows.length < batch) break;
  }
  await tx.execute(sql`close ${CURSOR}`);
}

/** A fetched row as a record: each value decoded by its column, as drizzle's select decodes it. */
function toRecord(row: Record<string, unknown>): CheckInRecord {
  const out: Record<string, unknown> = { client: row.client };
  for (const d of CHECKIN_FIELDS) {
    const v = row[d.key];
    out[d.key] = v === null || v === undefined ? null : checkIns[d.key].mapFromDriverValue(v);
  }
  return out as unknown as CheckInRecord;
}

/**
 * The whole export as one array (tests and small callers; the HTTP export streams). Null when the
 * client does not exist for this actor.
 */
export async function exportCheckIns(db: Db | Tx, actor: Actor, opts: { clientId?: string } = {}): Promise<CheckInRecord[] | null> {
  if (!(await exportTarget(db, actor, opts.clientId))) return null;
  const out: CheckInRecord[] = [];
  await db.transaction((tx) =>
    readExport(tx, actor, opts, async (records) => {
      for (const r of records) out.push(r);
    }),
  );
  return out;
}
