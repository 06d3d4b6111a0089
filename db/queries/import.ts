import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { assignments, auditLog, checkIns, clients, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import type { CheckInFields, CheckInRecord, FormatError } from "../../lib/checkin-format/types";
import { clientScope, UUID_RE } from "./scope";
import { fieldsOf } from "./checkins";
import { fieldColumnNames, fieldsAsColumns, recordsetFieldColumns } from "./checkin-columns";
import { CHECKIN_FIELDS } from "../../lib/checkin-format/field-defs";
import { randomUUID } from "node:crypto";
import { recomputeStagesMany, storeStages } from "./stage-history";
import type { ImportClientSummary } from "../../lib/transfer/types";

// Import of interchange-format records (shared/checkin-format.md) into the actor's firm.
// The file is parsed by lib/checkin-format; here records are matched to clients by name,
// duplicates of stored check-ins are skipped, and everything is written in ONE transaction.

/** One problem with one record. `index` is the record's position in the array (= the JSON index); `line` its CSV line when known. */
export interface ImportError {
  index: number;
  line?: number;
  column: string | null;
  code: "client-not-visible" | "consultant-required" | "consultant-invalid" | "no-records";
  message: string;
}

export interface ImportOptions {
  /** Lead consultant for clients the file creates; required for managers, ignored for consultants. */
  consultantId?: string;
  /** CSV line of each record (same order as the records), so errors can name it. */
  lines?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

export type { ImportClientSummary };

export interface ImportPreview {
  ok: boolean;
  records: number;
  clients: number;
  newClients: ImportClientSummary[];
  matchedClients: ImportClientSummary[];
  toCreate: number;
  duplicates: number;
  /** True when the file creates clients and the actor must name their lead consultant (managers). */
  needsConsultant: boolean;
  errors: ImportError[];
}

export interface ImportResult {
  ok: boolean;
  createdClients: { id: string; name: string }[];
  createdCheckIns: number;
  skippedDuplicates: number;
  errors: ImportError[];
}

export class ImportForbiddenError extends Error {
  constructor() {
    super("This actor may not import check-ins.");
  }
}

const BATCH = 1000; // 17 columns x 1000 rows stays well under PostgreSQL's 65,535 parameters

/** Who may import: the one check the app's import page and the import handler (API and app) share. */
export function canImport(actor: Actor): boolean {
  return can(actor, "checkins.import");
}

/** The content of a check-in as a comparable key: same client + same key = duplicate. Lists compare as sets, emails case-insensitively. */
function contentKey(f: CheckInFields): string {
  return JSON.stringify(
    CHECKIN_FIELDS.map((d) => {
      const v = f[d.key];
      if (Array.isArray(v)) return [...v].sort();
      if (d.type === "email" && typeof v === "string") return v.toLowerCase();
      return v ?? null;
    }),
  );
}

function withConsultant(r: CheckInRecord, actor: Actor): CheckInFields {
  const { client: _client, ...fields } = r;
  return { ...fields, consultant: fields.consultant ?? actor.email };
}

interface Group {
  key: string; // lower-case name
  name: string;
  indexes: number[];
  match: { id: string; name: string; archived: boolean } | null;
  /** Per record of `indexes`: true when it duplicates a stored check-in (or an earlier duplicate slot). */
  dup: boolean[];
}

interface Analysis {
  groups: Group[];
  errors: ImportError[];
  toCreate: number;
  duplicates: number;
  consultantId: string | null;
}

async function analyze(tx: Db | Tx, actor: Actor, records: readonly CheckInRecord[], opts: ImportOptions, lock: boolean): Promise<Analysis> {
  const errors: ImportError[] = [];
  const lineOf = (i: number) => (opts.lines?.[i] !== undefined ? { line: opts.lines[i] } : {});
  const byName = new Map<string, Group>();
  records.forEach((r, i) => {
    const key = r.client.trim().toLowerCase();
    let g = byName.get(key);
    if (!g) byName.set(key, (g = { key, name: r.client.trim(), indexes: [], match: null, dup: [] }));
    g.indexes.push(i);
  });
  const groups = [...byName.values()];
  if (records.length === 0) {
    errors.push({ index: 0, column: null, code: "no-records", message: "the file holds no check-ins" });
    return { groups, errors, toCreate: 0, duplicates: 0, consultantId: null };
  }

  // Every client of the firm with one of these names, and whether the actor may see it.
  const keys = groups.map((g) => g.key);
  const firmMatches: { id: string; name: string; archived: boolean; visible: boolean }[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const part = keys.slice(i, i + BATCH);
    const q = tx
      .select({ id: clients.id, name: clients.name, archived: clients.archived, visible: sql<boolean>`(${clientScope(actor)})` })
      .from(clients)
      .where(and(eq(clients.firmId, actor.firmId), inArray(sql`lower(${clients.name})`, part)));
    firmMatches.push(...(lock ? await q.for("update") : await q));
  }
  const matchByKey = new Map(firmMatches.map((m) => [m.name.toLowerCase(), m]));
  for (const g of groups) {
    const m = matchByKey.get(g.key);
    if (!m) continue;
    if (m.visible) g.match = { id: m.id, name: m.name, archived: m.archived };
    else {
      // The name is taken inside the firm by a client this actor may not see: never cross-assign silently.
      for (const i of g.indexes) {
        errors.push({ index: i, ...lineOf(i), column: "client", code: "client-not-visible", message: `"${g.name}" is the name of a client of your firm that is not assigned to you; rename it or ask a manager` });
      }
    }
  }

  // Clients the import would create need a lead consultant.
  let consultantId: string | null = can(actor, "clients.assign-any-consultant") ? null : actor.id;
  const creating = groups.filter((g) => !g.match && !matchByKey.has(g.key));
  if (can(actor, "clients.assign-any-consultant") && creating.length > 0) {
    if (opts.consultantId && UUID_RE.test(opts.consultantId)) {
      const [c] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, opts.consultantId), eq(users.firmId, actor.firmId), eq(users.role, "consultant"), eq(users.active, true)))
        .limit(1);
      if (c) consultantId = c.id;
    }
    if (!consultantId) {
      const code = opts.consultantId ? "consultant-invalid" : "consultant-required";
      for (const g of creating) {
        const i = g.indexes[0]!;
        errors.push({ index: i, ...lineOf(i), column: "client", code, message: `new client "${g.name}" needs a lead consultant: choose one` });
      }
    }
  }

  // Duplicates: each stored check-in of a matched client absorbs one identical record.
  let toCreate = 0;
  let duplicates = 0;
  const matched = groups.filter((g) => g.match);
  const stored = new Map<string, Map<string, number>>(); // clientId -> content key -> count
  const ids = matched.map((g) => g.match!.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await tx.select().from(checkIns).where(inArray(checkIns.clientId, ids.slice(i, i + BATCH)));
    for (const row of rows) {
      let m = stored.get(row.clientId);
      if (!m) stored.set(row.clientId, (m = new Map()));
      const k = contentKey(fieldsOf(row));
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  for (const g of groups) {
    const counts = g.match ? stored.get(g.match.id) : undefined;
    for (const i of g.indexes) {
      let dup = false;
      if (counts) {
        const k = contentKey(withConsultant(records[i]!, actor));
        const n = counts.get(k) ?? 0;
        if (n > 0) {
          counts.set(k, n - 1);
          dup = true;
        }
      }
      g.dup.push(dup);
      if (dup) duplicates++;
      else toCreate++;
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { groups, errors, toCreate, duplicates, consultantId };
}

function summary(g: Group): ImportClientSummary {
  const duplicates = g.dup.filter(Boolean).length;
  return {
    name: g.name,
    id: g.match?.id ?? null,
    storedName: g.match?.name ?? null,
    archived: g.match?.archived ?? false,
    records: g.indexes.length,
    toCreate: g.indexes.length - duplicates,
    duplicates,
  };
}

/** What importing these records would do, without writing anything. */
export async function previewImport(db: Db | Tx, actor: Actor, records: CheckInRecord[], opts: ImportOptions = {}): Promise<ImportPreview> {
  if (!canImport(actor)) throw new ImportForbiddenError();
  const a = await analyze(db, actor, records, opts, false);
  const blocked = new Set(a.errors.filter((e) => e.code === "client-not-visible").map((e) => records[e.index]?.client.trim().toLowerCase()));
  return {
    ok: a.errors.length === 0,
    records: records.length,
    clients: a.groups.length,
    newClients: a.groups.filter((g) => !g.match && !blocked.has(g.key)).map(summary),
    matchedClients: a.groups.filter((g) => g.match).map(summary),
    toCreate: a.toCreate,
    duplicates: a.duplicates,
    needsConsultant: can(actor, "clients.assign-any-consultant") && a.groups.some((g) => !g.match && !blocked.has(g.key)),
    errors: a.errors,
  };
}

/**
 * Imports the records all-or-nothing in one transaction: creates the new clients (assigned to the
 * importing consultant, or the consultant a manager chose), adds every non-duplicate check-in in
 * multi-row batches, recomputes each affected client's stage history once, and writes one audit
 * row for the import plus one per created client. With any error nothing is written.
 */
export async function runImport(db: Db, actor: Actor, records: CheckInRecord[], opts: ImportOptions = {}): Promise<ImportResult> {
  if (!canImport(actor)) throw new ImportForbiddenError();
  return db.transaction(async (tx) => {
    const a = await analyze(tx, actor, records, opts, true);
    if (a.errors.length > 0) return { ok: false, createdClients: [], createdCheckIns: 0, skippedDuplicates: a.duplicates, errors: a.errors };

    const creating = a.groups.filter((g) => !g.match);
    const total = a.toCreate + a.groups.filter((g) => g.dup.some((d) => !d)).length;
    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.onProgress?.(done, total);
    };
    opts.onProgress?.(0, total);

    const createdClients: { id: string; name: string }[] = [];
    for (let i = 0; i < creating.length; i += BATCH) {
      const part = creating.slice(i, i + BATCH);
      const rows = await tx
        .insert(clients)
        .values(part.map((g) => ({ firmId: actor.firmId, name: g.name })))
        .returning({ id: clients.id, name: clients.name });
      const idByKey = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
      for (const g of part) g.match = { id: idByKey.get(g.key)!, name: g.name, archived: false };
      await tx.insert(assignments).values(rows.map((r) => ({ clientId: r.id, consultantId: a.consultantId!, assignedBy: actor.id })));
      await tx.insert(auditLog).values(
        rows.map((r) => ({
          firmId: actor.firmId,
          actorId: actor.id,
          action: "client.create",
          entityType: "client",
          entityId: r.id,
          clientId: r.id,
          after: { name: r.name, industry: null, consultantId: a.consultantId, via: "import" },
        })),
      );
      createdClients.push(...rows);
    }

    // Records keep the file's order: created_at increases with it, so same-day check-ins keep their order in the history.
    const base = Date.now();
    let pending: ImportRow[] = [];
    let seq = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await insertCheckInRows(tx, pending);
      progress(pending.length);
      pending = [];
    };
    const affected: string[] = [];
    const clientOf = new Array<string>(records.length);
    for (const g of a.groups) for (const i of g.indexes) clientOf[i] = g.match!.id;
    const dupOf = new Uint8Array(records.length);
    for (const g of a.groups) {
      g.indexes.forEach((i, k) => (dupOf[i] = g.dup[k] ? 1 : 0));
      if (g.dup.some((d) => !d)) affected.push(g.match!.id);
    }
    // Clients the import created have no other check-ins: their histories are known here, in stored order.
    const fresh = new Map<string, (CheckInFields & { id: string })[]>(creating.map((g) => [g.match!.id, []]));
    for (let i = 0; i < records.length; i++) {
      if (dupOf[i]) continue;
      const fields = withConsultant(records[i]!, actor);
      const row = { ...fields, id: randomUUID(), clientId: clientOf[i]!, authorId: actor.id, createdAt: new Date(base + seq++).toISOString() };
      pending.push(row);
      fresh.get(row.clientId)?.push(row);
      if (pending.length >= BATCH) await flush();
    }
    await flush();

    await recomputeStagesMany(tx, affected.filter((id) => !fresh.has(id)), progress);
    // Same order as recomputeStages reads them: date, then entry order (created_at follows the file's order).
    const freshHistories = [...fresh].map(([clientId, rows]) => ({ clientId, rows: rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)) }));
    for (let i = 0; i < freshHistories.length; i += 100) {
      const part = freshHistories.slice(i, i + 100);
      await storeStages(tx, part);
      progress(part.length);
    }

    await tx.insert(auditLog).values({
      firmId: actor.firmId,
      actorId: actor.id,
      action: "import",
      entityType: "import",
      entityId: `import:${new Date(base).toISOString()}`,
      after: { records: records.length, createdClients: createdClients.length, createdCheckIns: a.toCreate, skippedDuplicates: a.duplicates, clients: affected.length },
    });
    return { ok: true, createdClients, createdCheckIns: a.toCreate, skippedDuplicates: a.duplicates, errors: [] };
  });
}

type ImportRow = CheckInFields & { id: string; clientId: string; authorId: string; createdAt: string };

/**
 * One multi-row insert with a single JSON parameter: far cheaper for the driver (and PGlite) than
 * binding 17 parameters per row, and not bound by PostgreSQL's 65,535-parameter limit.
 */
async function insertCheckInRows(tx: Tx, rows: ImportRow[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => fieldsAsColumns(r, { id: r.id, client_id: r.clientId, author_id: r.authorId, created_at: r.createdAt })),
  );
  // The field columns come from the field definitions, each read as its own SQL type (enums included).
  await tx.execute(sql`
    insert into ${checkIns} (id, client_id, author_id, ${fieldColumnNames()}, created_at, updated_at)
    select id, client_id, author_id, ${fieldColumnNames()}, created_at, created_at
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, client_id uuid, author_id uuid, ${recordsetFieldColumns()}, created_at timestamptz)`);
}

/** An import error in the format module's shape, so formatErrorMessage names its line (CSV) or index (JSON). */
export function importErrorAsFormatError(e: ImportError): FormatError {
  return e.line !== undefined ? { line: e.line, column: e.column, message: e.message } : { index: e.index, column: e.column, message: e.message };
}
