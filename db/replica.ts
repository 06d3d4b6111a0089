import { sql } from "drizzle-orm";
import { env } from "../lib/env";
import { log } from "../lib/log";
import { getDatabase, openDatabase, queryRows, redactUrl, type Database, type Db } from "./index";

// The optional read replica (DATABASE_READ_URL): the portfolio and exports read there, everything
// else (writes, and the pages that must show a user's own write at once) reads the primary.
// What that costs is staleness, bounded here: the replica's lag is measured at most every
// PROBE_EVERY_MS, and past DATABASE_READ_MAX_LAG_SECONDS (or when it does not answer) those reads
// go to the primary until it catches up. The tolerated lag is written down in docs/scaling.md.
// The replica is queried as the app's role, inside inFirm like every other read, so row-level
// security scopes it to the firm exactly as on the primary.

export const PROBE_EVERY_MS = 5_000;

/** Where a read goes, and how fresh what it sees is at least. */
export interface ReadChoice {
  db: Db;
  replica: boolean;
  /** The data includes every transaction committed on the primary before this moment. */
  asOf: Date;
}

export interface ReplicaProbe {
  /** Seconds the replica's replay is behind the primary (0 when caught up, or not a standby). */
  lagSeconds: number;
  /** The role the replica's connections act as may bypass row-level security. */
  bypassesRls: boolean;
}

/** One round trip: lag and the role check together. */
export async function probeReplica(db: Db): Promise<ReplicaProbe> {
  const [row] = await queryRows<{ lag: number | string | null; bypass: boolean }>(
    db,
    sql`select (r.rolsuper or r.rolbypassrls) as bypass,
               case when not pg_is_in_recovery() then 0
                    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                    else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag
        from pg_roles r where r.rolname = current_user`,
  );
  return { lagSeconds: Math.max(0, Number(row?.lag ?? Infinity)), bypassesRls: row?.bypass ?? true };
}

export interface ReadRouterOptions {
  maxLagSeconds: number;
  probe?: (db: Db) => Promise<ReplicaProbe>;
  now?: () => number;
}

/** Picks the replica or the primary for each read, from a probe at most PROBE_EVERY_MS old. */
export class ReadRouter {
  private last: { at: number; probe: ReplicaProbe | null } | null = null;
  private pending: Promise<void> | null = null;
  private usingReplica: boolean | null = null;

  constructor(
    private readonly primary: Db,
    private readonly replica: Db | null,
    private readonly opts: ReadRouterOptions,
  ) {}

  /** What the latest probe found; null before the first and after a failed one. */
  get lastProbe(): ReplicaProbe | null {
    return this.last?.probe ?? null;
  }

  async choose(): Promise<ReadChoice> {
    const now = this.opts.now ?? Date.now;
    if (!this.replica) return { db: this.primary, replica: false, asOf: new Date(now()) };
    if (!this.last || now() - this.last.at >= PROBE_EVERY_MS) await this.refresh();
    const { at, probe } = this.last!;
    const ok = probe !== null && !probe.bypassesRls && probe.lagSeconds <= this.opts.maxLagSeconds;
    this.note(ok, probe);
    if (!ok) return { db: this.primary, replica: false, asOf: new Date(now()) };
    // The replica only moves forward: it holds at least what it held when measured.
    return { db: this.replica, replica: true, asOf: new Date(at - probe!.lagSeconds * 1000) };
  }

  /** One probe at a time; concurrent reads wait for it rather than each asking. */
  private refresh(): Promise<void> {
    this.pending ??= (async () => {
      const now = this.opts.now ?? Date.now;
      let probe: ReplicaProbe | null = null;
      try {
        probe = await (this.opts.probe ?? probeReplica)(this.replica!);
      } catch (err) {
        log.warn({ err }, "read replica: probe failed, reading the primary");
      }
      this.last = { at: now(), probe };
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Logs only the changes between replica and primary, not every request. */
  private note(ok: boolean, probe: ReplicaProbe | null): void {
    if (this.usingReplica === ok) return;
    this.usingReplica = ok;
    if (ok) log.info({ lagSeconds: probe!.lagSeconds }, "read replica: in use");
    else if (probe?.bypassesRls) log.error("read replica: its role bypasses row-level security, reading the primary");
    else if (probe) log.warn({ lagSeconds: probe.lagSeconds, maxLagSeconds: this.opts.maxLagSeconds }, "read replica: lagging, reading the primary");
  }
}

const globalForRead = globalThis as unknown as { __stagelineRead?: Promise<ReadRouter> };

/** The app's read router, made once per process: a second pool when DATABASE_READ_URL is set. */
export function getReadRouter(): Promise<ReadRouter> {
  if (!globalForRead.__stagelineRead) {
    globalForRead.__stagelineRead = (async () => {
      const e = env();
      const primary = await getDatabase();
      let replica: Database | null = null;
      if (e.DATABASE_READ_URL) {
        replica = await openDatabase({ url: e.DATABASE_READ_URL, role: e.DATABASE_APP_ROLE, applicationName: "stageline-read" });
      }
      return new ReadRouter(primary.db, replica?.db ?? null, { maxLagSeconds: e.DATABASE_READ_MAX_LAG_SECONDS });
    })();
    globalForRead.__stagelineRead.catch(() => {
      globalForRead.__stagelineRead = undefined;
    });
  }
  return globalForRead.__stagelineRead;
}

/** Where the portfolio and exports read now (see ReadRouter). */
export async function readChoice(): Promise<ReadChoice> {
  return (await getReadRouter()).choose();
}

/** The database the portfolio and exports read: run it inside inFirm, as any read. */
export async function readDb(): Promise<Db> {
  return (await readChoice()).db;
}

/**
 * At boot, when DATABASE_READ_URL is set: a replica whose role bypasses row-level security stops
 * the start, as the primary's does. One that does not answer yet does not: reads go to the
 * primary until it does.
 */
export async function checkReadReplica(): Promise<void> {
  const url = env().DATABASE_READ_URL;
  if (!url) return;
  const router = await getReadRouter();
  const choice = await router.choose();
  if (router.lastProbe?.bypassesRls) {
    throw new Error(
      `the read replica's role (DATABASE_READ_URL ${redactUrl(url)}) bypasses row-level security. ` +
        "Log in there as the app's role, as on the primary.",
    );
  }
  console.log(`[stageline] read replica: ${choice.replica ? "in use" : "not answering or lagging: reading the primary for now"}`);
}
