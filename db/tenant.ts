import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./index";
import { log, safeError } from "../lib/log";

// The app side of row-level security (migration 0005). The app's database role cannot bypass
// the policies, so every query it makes runs in a transaction that names its firm:
//  - inFirm(db, firmId, fn): a request acting for a signed-in user (pages, server actions, API
//    handlers). Inside, getDb() returns this transaction, so code that fetches the database
//    itself joins it.
//  - asIdentity(db, fn): the few lookups that find a user before the firm is known (sign-in,
//    a session cookie, an API token, an invitation link). They may read users, links, tokens
//    and sessions of any firm, and nothing else.
// Scripts, migrations and tests connect as the owner, which the policies do not restrict.
// Everything set here is transaction-local (set_config(…, true)): nothing outlives the
// transaction, so it holds through PgBouncer in transaction mode, which gives each transaction
// whichever server connection is free (docs/scaling.md).

const scope = new AsyncLocalStorage<Tx>();

/** The transaction of the current request's firm, if one is open. */
export function currentTransaction(): Tx | undefined {
  return scope.getStore();
}

/** Names the firm for the rest of this transaction. */
export async function setFirm(tx: Db | Tx, firmId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.firm_id', ${firmId}, true)`);
}

/**
 * Runs `fn` in a transaction that sees only `firmId`'s rows. Nested calls join the open
 * transaction, unless `detached`: work that outlives the request's transaction (a response
 * that streams while it writes) gets a transaction of its own.
 */
export async function inFirm<T>(db: Db, firmId: string, fn: (tx: Db) => Promise<T>, opts: { detached?: boolean } = {}): Promise<T> {
  if (opts.detached) return scope.exit(() => inFirm(db, firmId, fn));
  const open = scope.getStore();
  if (open) {
    await setFirm(open, firmId);
    return fn(open as unknown as Db);
  }
  return db.transaction(async (tx) => {
    await setFirm(tx, firmId);
    return scope.run(tx, () => fn(tx as unknown as Db));
  });
}

/**
 * Runs a write as one unit. Inside the request's firm transaction (inFirm) it joins that
 * transaction without a savepoint: the request is the unit, since an error thrown out of it
 * rolls the whole transaction back (inFirm, the API's endpoint(), the server actions), and a
 * savepoint and its release were two round trips on every check-in. Anywhere else, and for a
 * caller that catches the write's errors and goes on writing, it is a transaction (or a
 * savepoint) of its own: pass `{ savepoint: true }` in that case.
 */
export async function atomically<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>, opts: { savepoint?: boolean } = {}): Promise<T> {
  const open = scope.getStore();
  if (open && (db as unknown) === open && !opts.savepoint) return fn(open);
  return db.transaction(fn);
}

/** Runs an identity lookup: users, links, tokens and sessions of any firm are readable, for this transaction only. */
export async function asIdentity<T>(db: Db | Tx, fn: (tx: Db) => Promise<T>): Promise<T> {
  const open = scope.getStore();
  const run = async (tx: Db | Tx) => {
    await tx.execute(sql`select set_config('app.identity', 'on', true)`);
    const out = await fn(tx as unknown as Db);
    // After an error the transaction is rolled back anyway. After success, identity ends here:
    // `db` may itself be a transaction, where db.transaction() is only a savepoint, and its
    // release would leave the setting on for the rest of the caller's transaction. The lookups of
    // every request (a token, a session) are functions that need none of this (migration 0014).
    await tx.execute(sql`select set_config('app.identity', '', true)`);
    return out;
  };
  if (open) return run(open);
  return db.transaction((tx) => run(tx));
}

/** Runs one read for the firm: in the caller's transaction, or in a transaction of its own. */
export type FirmReader = <R>(read: (db: Db) => Promise<R>) => Promise<R>;

/**
 * Independent reads for one firm, side by side: `fn` gets a reader and starts its reads with it.
 * On PostgreSQL they run on up to `width` pooled connections at once, so the server works on
 * several at once (the portfolio page's statements took ~210 ms in a row at 10,000 clients). Each
 * connection is a lane: one transaction that names the firm once and then runs waiting reads one
 * after another until none is left. A transaction per read cost a begin, a set_config and a commit
 * each: 24 of the portfolio page's 35 round trips, each a few tenths of a millisecond of the
 * server's CPU on this machine (docs/performance.md). On PGlite, which has one connection, they
 * run in turn in one transaction. Each statement sees what was committed when it started either
 * way (READ COMMITTED); nothing here writes.
 *
 * A read that fails rolls its lane back and ends it (the transaction is unusable after an error);
 * the reads still waiting go to the other lanes or to a new one. A lane that cannot open fails
 * the reads waiting then, rather than retrying forever.
 */
export async function inFirmSideBySide<T>(db: Db, firmId: string, parallel: boolean, fn: (run: FirmReader) => Promise<T>, width = 3): Promise<T> {
  if (!parallel) return inFirm(db, firmId, (tx) => fn((read) => read(tx)));
  type Job = { read: (db: Db) => Promise<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void };
  const waiting: Job[] = [];
  let lanes = 0;
  const lane = async () => {
    lanes++;
    let took = false;
    try {
      await scope.exit(() =>
        db.transaction(async (tx) => {
          await setFirm(tx, firmId);
          for (let job = waiting.shift(); job; job = waiting.shift()) {
            took = true;
            let value: unknown;
            try {
              value = await scope.run(tx, () => job!.read(tx as unknown as Db));
            } catch (err) {
              job.reject(err);
              throw new LaneSpoilt();
            }
            job.resolve(value);
          }
        }),
      );
    } catch (err) {
      // Its reads were answered; a lane that failed before taking any read fails those waiting.
      if (!(err instanceof LaneSpoilt) && !took) for (const job of waiting.splice(0)) job.reject(err);
    } finally {
      lanes--;
      if (waiting.length > 0 && lanes < width) void lane();
    }
  };
  const run: FirmReader = <R>(read: (db: Db) => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ read, resolve: resolve as (value: unknown) => void, reject });
      if (lanes < width) void lane();
    });
  return fn(run);
}

/**
 * inFirmSideBySide for a caller that draws its reads' answers as each arrives: `fn` starts the
 * reads and returns their promises at once, and this answers with them while the reads go on.
 * The lanes (or PGlite's one transaction) stay open until every promise `pending` names has
 * settled: `pending` must cover every read `fn` starts, chained ones included. Each promise
 * carries its own failure to whoever awaits it; a failure after the answer (a commit's, say) is
 * logged, as nobody is left to await it.
 */
export function inFirmSideBySideParts<T>(db: Db, firmId: string, parallel: boolean, fn: (run: FirmReader) => T, pending: (parts: T) => readonly Promise<unknown>[]): Promise<T> {
  let answered = false;
  return new Promise<T>((resolve, reject) => {
    inFirmSideBySide(db, firmId, parallel, async (run) => {
      const parts = fn(run);
      answered = true;
      resolve(parts);
      await Promise.allSettled(pending(parts));
    }).catch((err) => {
      if (!answered) reject(err);
      else log.error({ err: safeError(err), firmId }, "side-by-side reads: failed after their parts were given out");
    });
  });
}

/** A lane's read failed: its transaction is rolled back and the lane ends. */
class LaneSpoilt extends Error {}
