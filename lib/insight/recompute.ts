// Applying a saved rule version to every client history of a firm (issue #13), in the background.
//
// Design: ONE transaction per firm recomputes every history with the new rules (the engine takes
// microseconds per check-in; the writes go in bulk, db/queries/stage-history.ts) and, last, sets
// firms.rule_version. Readers keep seeing the old stages until it commits (MVCC), never a mix.
// The firm's client rows are held FOR NO KEY UPDATE meanwhile: a check-in, override or
// self-assessment written during the run waits for its client and is then computed with the new
// rules; a client created meanwhile is caught at the end (see recomputeFirm).
//
// Progress goes to rule_recomputes. On PostgreSQL it is written in short transactions of its own
// on another pooled connection, so the page's poll sees the bar move while the big transaction
// runs. PGlite has one connection and runs one transaction at a time (any other query waits for
// it), so there the progress is written inside the big transaction and the bar jumps to done when
// it commits; requests wait for it meanwhile. Accepted: PGlite serves small, single-instance
// installations, whose recompute takes a second or two.
//
// Nothing lives only in process memory: a saved version is queued as a rule_recomputes row with a
// heartbeat long past; whoever comes first (the save's after(), or the next visit to the rules
// page on any instance) claims it with FOR UPDATE SKIP LOCKED and beats the heartbeat while it
// works. A run whose instance died goes quiet; after STALE_AFTER_SECONDS the next visit claims it
// and starts again from the beginning (its transaction was rolled back with the instance).
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../db";
import { inFirm } from "../../db/tenant";
import { firms, ruleRecomputes } from "../../db/schema";
import { recomputeStagesMany } from "../../db/queries/stage-history";
import { firmRulesLock, ruleSetOf, STALE_AFTER_SECONDS } from "../../db/queries/rules";
import { log } from "../log";

export type RecomputeOutcome = "applied" | "current" | "superseded";

export type OnProgress = (done: number, total: number) => void | Promise<void>;

/** Whether this database has more than one connection (a pg Pool), so progress can be written beside the big transaction. */
function hasSeparateConnections(db: Db): boolean {
  const client = (db as unknown as { $client?: { totalCount?: unknown } }).$client;
  return typeof client?.totalCount === "number";
}

/**
 * Recomputes every history of the firm with `version` and makes it the applied version, in one
 * transaction. A version no longer the latest saved is skipped ("superseded"); one already
 * applied is "current". Tests call this directly.
 */
export async function recomputeFirm(db: Db, firmId: string, version: number, onProgress?: OnProgress): Promise<RecomputeOutcome> {
  const separate = hasSeparateConnections(db);
  return inFirm(
    db,
    firmId,
    async (tx) => {
      const [{ latest }] = await queryRows<{ latest: number | null }>(tx, sql`select max(version) as latest from firm_rule_sets where firm_id = ${firmId}::uuid`);
      if ((latest ?? 0) !== version) {
        await finish(tx, firmId, version, "superseded");
        return "superseded";
      }
      // Locks, in the order every writer takes them (a client, then the firm's rules lock: rulesOfClients), so
      // no writer and this run wait for each other in a circle. Every client of the firm first:
      // a check-in, override or self-assessment written meanwhile waits, then reads the new version.
      const ids = (await queryRows<{ id: string }>(tx, sql`select id from clients where firm_id = ${firmId}::uuid order by id for no key update`)).map((r) => r.id);
      // Another instance may have applied it while this one waited for the locks.
      const [firm] = await queryRows<{ rule_version: number }>(tx, sql`select rule_version from firms where id = ${firmId}::uuid`);
      if (!firm) throw new Error(`no firm ${firmId}`);
      if (firm.rule_version === version) {
        await finish(tx, firmId, version, null);
        return "current";
      }
      const rules = await ruleSetOf(tx, firmId, version);
      let total = ids.length;
      let done = 0;
      const beat = async () => {
        const write = (w: Db | Tx) =>
          w.update(ruleRecomputes).set({ total, done, heartbeatAt: new Date() }).where(and(eq(ruleRecomputes.firmId, firmId), eq(ruleRecomputes.version, version)));
        if (separate) await inFirm(db, firmId, (w) => write(w), { detached: true });
        else await write(tx);
      };
      const step = async (n: number) => {
        done += n;
        await beat();
        await onProgress?.(done, total);
      };
      await beat();
      await recomputeStagesMany(tx as unknown as Tx, ids, step, undefined, rules);
      // Then the firm's rules lock: a client created meanwhile (an import) was written with the old
      // version under that lock held shared; waiting for it lets that write commit, and it is redone here.
      await tx.execute(firmRulesLock(firmId));
      const known = JSON.stringify(ids);
      const late = (
        await queryRows<{ id: string }>(
          tx,
          sql`select id from clients where firm_id = ${firmId}::uuid
              and id not in (select value::uuid from jsonb_array_elements_text(${known}::jsonb)) order by id for no key update`,
        )
      ).map((r) => r.id);
      if (late.length > 0) {
        total += late.length;
        await recomputeStagesMany(tx as unknown as Tx, late, step, undefined, rules);
      }
      await tx.update(firms).set({ ruleVersion: version }).where(eq(firms.id, firmId));
      await finish(tx, firmId, version, null, total);
      // Older versions still queued will never be applied: this one replaced them.
      await tx
        .update(ruleRecomputes)
        .set({ finishedAt: new Date(), error: "superseded" })
        .where(and(eq(ruleRecomputes.firmId, firmId), lt(ruleRecomputes.version, version), isNull(ruleRecomputes.finishedAt)));
      return "applied";
    },
    { detached: true },
  );
}

async function finish(tx: Db | Tx, firmId: string, version: number, error: string | null, total?: number): Promise<void> {
  await tx
    .update(ruleRecomputes)
    .set({ finishedAt: new Date(), heartbeatAt: new Date(), error, ...(total === undefined ? {} : { total, done: total }) })
    .where(and(eq(ruleRecomputes.firmId, firmId), eq(ruleRecomputes.version, version)));
}

/**
 * Claims the firm's newest unfinished run that nobody is working on (queued, or its heartbeat
 * older than STALE_AFTER_SECONDS): SKIP LOCKED lets two instances asking at once pick different
 * rows or none. The claim is a fresh heartbeat, committed at once. Null when there is none.
 */
export async function claimRun(db: Db, firmId: string): Promise<number | null> {
  return inFirm(
    db,
    firmId,
    async (tx) => {
      const [row] = await queryRows<{ version: number }>(
        tx,
        sql`update rule_recomputes set heartbeat_at = now()
            where firm_id = ${firmId}::uuid and version = (
              select version from rule_recomputes
              where firm_id = ${firmId}::uuid and finished_at is null
                and heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})
              order by version desc limit 1
              for update skip locked)
            returning version`,
      );
      return row?.version ?? null;
    },
    { detached: true },
  );
}

/**
 * Claims and runs the firm's pending rule version, if any. Errors are recorded on the run (the
 * page shows them) and the run is left unfinished, so it is tried again once its heartbeat is stale.
 */
export async function runPendingRecompute(db: Db, firmId: string, onProgress?: OnProgress): Promise<RecomputeOutcome | null> {
  const version = await claimRun(db, firmId);
  if (version === null) return null;
  try {
    return await recomputeFirm(db, firmId, version, onProgress);
  } catch (err) {
    log.error({ err, firmId, version }, "applying stage rules failed");
    const message = (err as Error).message?.slice(0, 500) || String(err);
    await inFirm(
      db,
      firmId,
      (tx) => tx.update(ruleRecomputes).set({ error: message, heartbeatAt: new Date() }).where(and(eq(ruleRecomputes.firmId, firmId), eq(ruleRecomputes.version, version))),
      { detached: true },
    );
    return null;
  }
}
