// A firm's stage rules (issue #13): what-if against a full recomputation, versions and their audit,
// rule_version on every assessment, old stages until the recompute commits, return to defaults,
// permissions. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase, queryRows, uuidArray, type Database } from "@/db";
import { auditLog, firms, ruleRecomputes } from "@/db/schema";
import { inFirm } from "@/db/tenant";
import { FIRM_RULES_LOCK, firmRulesLock, getRecomputeStatus, getRulesOverview, resetRules, saveRules, whatIf } from "@/db/queries/rules";
import { checkConsistency } from "@/db/queries/consistency";
import { createCheckIn } from "@/db/queries/checkins";
import { createClient } from "@/db/queries/clients";
import { claimRun, recomputeFirm, runPendingRecompute } from "@/lib/insight/recompute";
import { DEFAULT_SETTINGS, type StageSettings } from "@/lib/stages";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, openDemoDatabase } from "./db";

let database: Database & { label: string };
let manager: Actor, consultant: Actor, otherManager: Actor;

// Changes many demo clients' stages: a short trial, a high bar for the routine, a drop at once.
const TUNED: StageSettings = { ...DEFAULT_SETTINGS, trialDays: 30, routineMinPosts: 8, confirmBackCheckIns: 1 };

async function currentStages(firmId: string): Promise<Map<string, number | null>> {
  const rows = await queryRows<{ id: string; stage: number | null }>(
    database.db,
    sql`select c.id, s.stage from clients c left join client_status s on s.client_id = c.id where c.firm_id = ${firmId}::uuid and not c.archived`,
  );
  return new Map(rows.map((r) => [r.id, r.stage]));
}

async function ruleVersionsOfAssessments(firmId: string): Promise<number[]> {
  const rows = await queryRows<{ v: number }>(database.db, sql`select distinct rule_version as v from stage_assessments where firm_id = ${firmId}::uuid order by 1`);
  return rows.map((r) => r.v);
}

async function appliedVersion(firmId: string): Promise<number> {
  const [f] = await database.db.select({ v: firms.ruleVersion }).from(firms).where(eq(firms.id, firmId));
  return f!.v;
}

beforeAll(async () => {
  database = await openDemoDatabase();
  manager = await actorByEmail(database.db, "manager@example.com");
  consultant = await actorByEmail(database.db, "consultant@example.com");
  otherManager = await actorByEmail(database.db, "other-manager@example.org");
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe(`stage rules (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("refuses consultants everywhere", async () => {
    expect(await getRulesOverview(database.db, consultant)).toBeNull();
    expect(await getRecomputeStatus(database.db, consultant)).toBeNull();
    expect(await whatIf(database.db, consultant, TUNED)).toBeNull();
    expect(await saveRules(database.db, consultant, TUNED)).toBeNull();
    expect(await resetRules(database.db, consultant)).toBeNull();
    const overview = await getRulesOverview(database.db, manager);
    expect(overview?.history).toEqual([]);
    expect(overview?.applied).toEqual({ version: 0, settings: DEFAULT_SETTINGS });
  });

  it("validates before anything is read or written", async () => {
    expect(await whatIf(database.db, manager, { trialDays: 5 })).toEqual({ ok: false, errors: [{ field: "trialDays", code: "tooSmall" }] });
    expect(await saveRules(database.db, manager, { highAutomation: "lots" })).toEqual({ ok: false, errors: [{ field: "highAutomation", code: "notNumber" }] });
    expect((await getRulesOverview(database.db, manager))?.history).toEqual([]);
  });

  it("the what-if under the applied rules changes nothing", async () => {
    const r = await whatIf(database.db, manager, DEFAULT_SETTINGS);
    if (!r?.ok) throw new Error("what-if failed");
    expect(r.result.changed).toBe(0);
    expect(r.result.clients).toBeGreaterThan(10);
    expect(r.result.overrides.after).toEqual(r.result.overrides.before);
  });

  it("predicts exactly what saving and recomputing does; old stages stay until the recompute commits", async () => {
    const firmId = manager.firmId;
    const before = await currentStages(firmId);
    const preview = await whatIf(database.db, manager, TUNED);
    if (!preview?.ok) throw new Error("what-if failed");
    expect(preview.result.changed).toBeGreaterThan(0);

    const saved = await inFirm(database.db, firmId, (tx) => saveRules(tx, manager, TUNED));
    expect(saved).toEqual({ ok: true, version: 1, unchanged: false });
    // Saving does not change any stage: the histories are recomputed afterwards.
    expect(await currentStages(firmId)).toEqual(before);
    expect(await appliedVersion(firmId)).toBe(0);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.firmId, firmId), eq(auditLog.action, "rules.save")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entityId).toBe("1");
    expect(audit[0]!.before).toEqual({ version: 0, settings: DEFAULT_SETTINGS });
    expect(audit[0]!.after).toEqual({ version: 1, settings: TUNED });

    // A run that fails midway leaves every stage as it was.
    await expect(
      recomputeFirm(database.db, firmId, 1, () => {
        throw new Error("stopped midway");
      }),
    ).rejects.toThrow("stopped midway");
    expect(await currentStages(firmId)).toEqual(before);
    expect(await appliedVersion(firmId)).toBe(0);
    expect(await ruleVersionsOfAssessments(firmId)).toEqual([0]);

    let seenMidway: Map<string, number | null> | null = null;
    const progress: number[] = [];
    const outcome = await recomputeFirm(database.db, firmId, 1, async (done, total) => {
      progress.push(done / total);
      // On PostgreSQL another connection reads while the recompute's transaction is open. (PGlite
      // has one connection: another query would wait for the transaction, so it is not asked.)
      if (database.label === "postgres" && seenMidway === null) {
        seenMidway = await currentStages(firmId);
        const [run] = await database.db.select().from(ruleRecomputes).where(and(eq(ruleRecomputes.firmId, firmId), eq(ruleRecomputes.version, 1)));
        expect(run!.done).toBe(done);
        expect(run!.finishedAt).toBeNull();
      }
    });
    expect(outcome).toBe("applied");
    expect(progress.at(-1)).toBe(1);
    if (database.label === "postgres") expect(seenMidway).toEqual(before);

    const after = await currentStages(firmId);
    let changed = 0;
    const moves = new Map<string, number>();
    for (const [id, stage] of after) {
      if (before.get(id) !== null && stage !== before.get(id)) {
        changed++;
        const key = `${before.get(id)}>${stage}`;
        moves.set(key, (moves.get(key) ?? 0) + 1);
      }
    }
    expect(changed).toBe(preview.result.changed);
    expect(new Map(preview.result.moves.map((m) => [`${m.from}>${m.to}`, m.count]))).toEqual(moves);
    for (const m of preview.result.moves) for (const c of m.clients) expect(after.get(c.id)).toBe(m.to);

    expect(await appliedVersion(firmId)).toBe(1);
    expect(await ruleVersionsOfAssessments(firmId)).toEqual([1]);
    expect(await ruleVersionsOfAssessments(otherManager.firmId)).toEqual([0]);
    const status = await getRecomputeStatus(database.db, manager);
    expect(status?.appliedVersion).toBe(1);
    expect(status?.run).toMatchObject({ version: 1, done: status!.run!.total, error: null });
    expect(status?.run?.finishedAt).not.toBeNull();

    // The agreement after the recompute is what the preview said it would be.
    const again = await whatIf(database.db, manager, TUNED);
    if (!again?.ok) throw new Error("what-if failed");
    expect(again.result.changed).toBe(0);
    expect(again.result.overrides.before).toEqual(preview.result.overrides.after);
    expect(again.result.self.before).toEqual(preview.result.self.after);

    // db:check recomputes with each firm's applied rules, and finds nothing.
    const findings = await checkConsistency(database.db);
    expect(findings.filter((f) => f.count > 0)).toEqual([]);
  }, 120_000);

  it("a check-in written after the new rules is computed with them", async () => {
    const rows = await queryRows<{ id: string }>(
      database.db,
      sql`select c.id from clients c join assignments a on a.client_id = c.id where a.consultant_id = ${consultant.id}::uuid and not c.archived limit 1`,
    );
    const clientId = rows[0]!.id;
    const written = await createCheckIn(database.db, consultant, clientId, {
      date: "2026-06-29", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 6, rhythm: "scheduled", automatedShare: 0.1,
      replies: "consistent", promotion: "none", results: "some", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null,
      followers: null, notes: null,
    });
    expect(written).not.toBeNull();
    const versions = await queryRows<{ v: number }>(database.db, sql`select distinct rule_version as v from stage_assessments where client_id = ${clientId}::uuid`);
    expect(versions.map((r) => r.v)).toEqual([1]);
    // 6 posts are under the tuned routine's 8: the same check-in with the defaults would be stage 4.
    const [last] = await queryRows<{ stage: number }>(database.db, sql`select stage from client_status where client_id = ${clientId}::uuid`);
    expect(last!.stage).not.toBe(4);
  });

  it("returns to the defaults as a new version, queued and claimed once", async () => {
    const firmId = manager.firmId;
    const reset = await inFirm(database.db, firmId, (tx) => resetRules(tx, manager));
    expect(reset).toEqual({ ok: true, version: 2, unchanged: false });
    expect(await inFirm(database.db, firmId, (tx) => resetRules(tx, manager))).toEqual({ ok: true, version: 2, unchanged: true });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.firmId, firmId), eq(auditLog.action, "rules.reset")));
    expect(audit).toHaveLength(1);

    // Two instances asking at once: one claims, the other finds nothing to do.
    expect(await claimRun(database.db, firmId)).toBe(2);
    expect(await claimRun(database.db, firmId)).toBeNull();
    // Its instance died: the heartbeat goes stale and the next request takes it over.
    await database.db.update(ruleRecomputes).set({ heartbeatAt: new Date(Date.now() - 10 * 60_000) }).where(and(eq(ruleRecomputes.firmId, firmId), eq(ruleRecomputes.version, 2)));
    expect(await runPendingRecompute(database.db, firmId)).toBe("applied");
    expect(await runPendingRecompute(database.db, firmId)).toBeNull();
    expect(await appliedVersion(firmId)).toBe(2);
    expect(await ruleVersionsOfAssessments(firmId)).toEqual([2]);

    const defaults = await whatIf(database.db, manager, DEFAULT_SETTINGS);
    if (!defaults?.ok) throw new Error("what-if failed");
    expect(defaults.result.changed).toBe(0);
    const overview = await getRulesOverview(database.db, manager);
    expect(overview?.history.map((h) => [h.version, h.createdBy])).toEqual([
      [2, manager.name],
      [1, manager.name],
    ]);
    expect(overview?.applied).toEqual({ version: 2, settings: DEFAULT_SETTINGS });
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
  }, 120_000);

  it("an older version saved before a newer one is skipped, not applied", async () => {
    const firmId = manager.firmId;
    await inFirm(database.db, firmId, (tx) => saveRules(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 60 }));
    await inFirm(database.db, firmId, (tx) => saveRules(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 120 }));
    expect(await recomputeFirm(database.db, firmId, 3)).toBe("superseded");
    expect(await appliedVersion(firmId)).toBe(2);
    expect(await runPendingRecompute(database.db, firmId)).toBe("applied");
    expect(await appliedVersion(firmId)).toBe(4);
    // Leave the demo firm at the defaults.
    await inFirm(database.db, firmId, (tx) => resetRules(tx, manager));
    expect(await runPendingRecompute(database.db, firmId)).toBe("applied");
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from rule_recomputes where firm_id = ${firmId}::uuid and finished_at is null`);
    expect(n).toBe(0);
  }, 120_000);

  it("works as the app's role, under row-level security", async () => {
    const firmId = manager.firmId;
    // The app's role, as the server connects: a pool of its own on PostgreSQL (to the server
    // itself: a role switch is a startup parameter, which PgBouncer refuses); the one session on PGlite.
    const app: Database = database.label === "postgres" ? await openDatabase({ url: database.directUrl ?? database.url, role: "stageline_app" }) : database;
    if (database.label !== "postgres") await database.db.execute(sql`set role stageline_app`);
    try {
      const preview = await inFirm(app.db, firmId, (tx) => whatIf(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 365 }));
      expect(preview?.ok && preview.result.clients).toBeGreaterThan(10);
      const saved = await inFirm(app.db, firmId, (tx) => saveRules(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 365 }));
      expect(saved?.ok).toBe(true);
      expect(await runPendingRecompute(app.db, firmId)).toBe("applied");
      expect(await inFirm(app.db, firmId, (tx) => resetRules(tx, manager))).toMatchObject({ ok: true, unchanged: false });
      expect(await runPendingRecompute(app.db, firmId)).toBe("applied");
      const status = await inFirm(app.db, firmId, (tx) => getRecomputeStatus(tx, manager));
      expect(status?.run?.finishedAt).not.toBeNull();
    } finally {
      if (database.label !== "postgres") await database.db.execute(sql`reset role`);
      else await app.close();
    }
    expect(await ruleVersionsOfAssessments(manager.firmId)).toEqual([await appliedVersion(manager.firmId)]);
  }, 120_000);

  // PostgreSQL only: on PGlite nothing runs beside the other transaction. What the writers read
  // their rule version with (client_rule_versions, migration 0014) waits for the firm's rules lock,
  // and then reads the version committed meanwhile: a read in the same statement as the lock would
  // have a snapshot from before the wait and compute with the replaced rules.
  it.runIf(!!process.env.TEST_DATABASE_URL)("a writer that waits for the firm's rules lock reads the version committed while it waited", async () => {
    const firmId = manager.firmId;
    const [row] = await queryRows<{ id: string; v: number }>(
      database.db,
      sql`select c.id, f.rule_version as v from clients c join firms f on f.id = c.firm_id where c.firm_id = ${firmId}::uuid limit 1`,
    );
    let read: Promise<{ client: string; rule_version: number }[]> | null = null;
    let done = false;
    await database.db.transaction(async (recompute) => {
      await recompute.execute(firmRulesLock(firmId));
      await recompute.execute(sql`update firms set rule_version = rule_version + 1 where id = ${firmId}::uuid`);
      read = database.db
        .transaction((writer) => queryRows<{ client: string; rule_version: number }>(writer, sql`select * from client_rule_versions(${uuidArray([row!.id])}, ${FIRM_RULES_LOCK})`))
        .then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false); // it waits for the lock
    });
    try {
      expect((await read!).map((r) => [r.client, Number(r.rule_version)])).toEqual([[row!.id, Number(row!.v) + 1]]);
    } finally {
      await database.db.execute(sql`update firms set rule_version = rule_version - 1 where id = ${firmId}::uuid`);
    }
  });

  // PostgreSQL only: on PGlite nothing runs beside the recompute's transaction.
  it.runIf(!!process.env.TEST_DATABASE_URL)("a check-in written during a recompute waits for it and is computed with the new rules", async () => {
    const firmId = manager.firmId;
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select c.id from clients c join assignments a on a.client_id = c.id where a.consultant_id = ${consultant.id}::uuid and not c.archived order by c.id desc limit 1`,
    );
    const saved = await inFirm(database.db, firmId, (tx) => saveRules(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 200 }));
    if (!saved?.ok) throw new Error("save failed");
    let write: Promise<unknown> | null = null;
    let written = false;
    const outcome = await recomputeFirm(database.db, firmId, saved.version, async () => {
      if (write) return;
      write = createCheckIn(database.db, consultant, row!.id, {
        date: "2026-06-30", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 2, rhythm: "sporadic", automatedShare: 0.5,
        replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null, followers: null, notes: null,
      }).then(() => (written = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(written).toBe(false); // it waits for the client the recompute holds
    });
    expect(outcome).toBe("applied");
    await write;
    expect(written).toBe(true);
    const versions = await queryRows<{ v: number }>(database.db, sql`select distinct rule_version as v from stage_assessments where client_id = ${row!.id}::uuid`);
    expect(versions.map((r) => r.v)).toEqual([saved.version]);
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
    await inFirm(database.db, firmId, (tx) => resetRules(tx, manager));
    expect(await runPendingRecompute(database.db, firmId)).toBe("applied");
  }, 120_000);

  // PostgreSQL only, as above. A client created while the recompute runs is not among the clients
  // it locked: its check-in is written at once with the old rules, under the firm's rules lock held
  // shared, and the recompute redoes it after taking that lock exclusively.
  it.runIf(!!process.env.TEST_DATABASE_URL)("a client created during a recompute is redone with the new rules before it commits", async () => {
    const firmId = manager.firmId;
    const saved = await inFirm(database.db, firmId, (tx) => saveRules(tx, manager, { ...DEFAULT_SETTINGS, trialDays: 200 }));
    if (!saved?.ok) throw new Error("save failed");
    let lateId: string | null = null;
    const outcome = await recomputeFirm(database.db, firmId, saved.version, async () => {
      if (lateId) return;
      // On the pool, not inFirm: this callback runs inside the recompute's transaction, which inFirm would join.
      const created = await createClient(database.db, consultant, { name: `Late client ${saved.version}`, industry: null });
      lateId = created!.id;
      const written = await createCheckIn(database.db, consultant, lateId, {
        date: "2026-06-30", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 2, rhythm: "sporadic", automatedShare: 0.5,
        replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null, followers: null, notes: null,
      });
      expect(written).not.toBeNull();
      // Written, and committed, with the rules still applied.
      const now = await queryRows<{ v: number }>(database.db, sql`select distinct rule_version as v from stage_assessments where client_id = ${lateId}::uuid`);
      expect(now.map((r) => r.v)).toEqual([saved.version - 1]);
    });
    expect(outcome).toBe("applied");
    expect(lateId).not.toBeNull();
    const versions = await queryRows<{ v: number }>(database.db, sql`select distinct rule_version as v from stage_assessments where client_id = ${lateId!}::uuid`);
    expect(versions.map((r) => r.v)).toEqual([saved.version]);
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
    await inFirm(database.db, firmId, (tx) => resetRules(tx, manager));
    expect(await runPendingRecompute(database.db, firmId)).toBe("applied");
  }, 120_000);
});
