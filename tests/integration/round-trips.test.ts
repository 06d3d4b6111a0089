import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "@/db";
import { checkIns } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createClient } from "@/db/queries/clients";
import { createCheckIn } from "@/db/queries/checkins";
import { atomically, inFirm, inFirmSideBySide } from "@/db/tenant";
import { defaultRange } from "@/db/queries/portfolio";
import { portfolioPageData } from "@/db/queries/portfolio-page";
import { createCheckInEndpoint } from "@/lib/api/handlers/checkins";
import type { CheckInFields } from "@/lib/checkin-format";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";
import { VALID_CHECKIN, call, tokenFor } from "./api/helpers";

// Round trips to the database are a large part of what a check-in costs (docs/performance.md: on
// this machine, writes to PostgreSQL's socket took 28% of the server's busy time under 50
// writers, and PGlite pays six protocol calls per statement). This file records every statement sent, on
// PGlite and on PostgreSQL alike, and holds the check-in path to its budget.

const sent: string[] = [];

// Every statement of PGlite goes through execProtocolRaw (db/pglite-turns.ts wraps the same
// entry point): a Parse message ("P") of the extended protocol or a simple Query ("Q").
const pgliteRaw = PGlite.prototype.execProtocolRaw;
PGlite.prototype.execProtocolRaw = function (this: PGlite, message: Uint8Array, options?: Parameters<typeof pgliteRaw>[1]) {
  const tag = String.fromCharCode(message[0]!);
  if (tag === "P" || tag === "Q") {
    // P: length, statement name (NUL-terminated), then the text. Q: length, then the text.
    const start = tag === "P" ? message.indexOf(0, 5) + 1 : 5;
    sent.push(new TextDecoder().decode(message.subarray(start, message.indexOf(0, start))));
  }
  return pgliteRaw.call(this, message, options);
};
// PostgreSQL: every query of the pool's clients.
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text?: string };
  sent.push(typeof q === "string" ? q : (q?.text ?? ""));
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  sent.length = 0;
  await fn();
  return sent.map((s) => s.trim().replace(/\s+/g, " "));
}

let database: Database;
let consultant: Actor;
let manager: Actor;
let token: string;

const FIELDS: CheckInFields = {
  date: "2026-03-02", consultant: null, accounts: ["facebook", "x", "blog"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7,
  replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "hopeful", followers: null, notes: null,
};

async function newClient(): Promise<string> {
  return (await createClient(database.db, consultant, { name: `Round trips ${randomUUID().slice(0, 8)}` }))!.id;
}
const checkInsOf = (clientId: string) => database.db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.clientId, clientId));

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-11-20" });
  consultant = await actorByEmail(database.db, "consultant@example.com");
  manager = await actorByEmail(database.db, "manager@example.com");
  token = await tokenFor(database, "consultant@example.com");
});
afterAll(async () => {
  await database?.close();
  // The patches must not outlive this file: a worker may run other files after it.
  PGlite.prototype.execProtocolRaw = pgliteRaw;
  pg.Client.prototype.query = pgQuery;
});

describe("a check-in's round trips", () => {
  it("POST /api/v1/clients/{id}/checkins sends at most 10 statements, with no savepoint", async () => {
    const id = await newClient();
    // The first call of a process warms caches (the rule set); the second is the one measured.
    await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${id}/checkins`, params: { id }, token, json: VALID_CHECKIN });
    let status = 0;
    const statements = await statementsOf(async () => {
      status = (await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${id}/checkins`, params: { id }, token, json: { ...VALID_CHECKIN, date: "2026-10-02" } })).status;
    });
    expect(status).toBe(201);
    // The token's lookup is one statement (migration 0014), not a transaction of four.
    expect(statements.filter((s) => /token_identity\(/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /app\.identity/i.test(s))).toEqual([]);
    // The token's rate limit is counted in that same statement, not in one of its own.
    expect(statements.filter((s) => /rate_limits/i.test(s))).toHaveLength(1);
    expect(statements.find((s) => /rate_limits/i.test(s))).toMatch(/token_identity\(/i);
    // The firm's rules lock and the applied version in one call.
    expect(statements.filter((s) => /client_rule_versions\(/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from firms/i.test(s))).toEqual([]);
    // The check-in joins the request's transaction: a savepoint and its release were two of them.
    expect(statements.filter((s) => /^(savepoint|release)/i.test(s))).toEqual([]);
    // One lookup of the client (the lock), and the stage before the write comes from the status upsert.
    expect(statements.filter((s) => /from "clients"/i.test(s) && !/for update/i.test(s))).toEqual([]);
    expect(statements.filter((s) => /^select "stage" from "stage_assessments"/i.test(s))).toEqual([]);
    // The old tails, the new rows and the status row in one call of a function whose plans the
    // database keeps (migration 0013), and no statement of their own.
    expect(statements.filter((s) => /write_stage_history\(/i.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /(delete from|insert into|update) "?(stage_|client_status)/i.test(s))).toEqual([]);
    expect(statements.filter((s) => /refresh_client_status/i.test(s))).toEqual([]);
    // The answer's assessment comes back from the statement that stored it: no read of the check-in after.
    expect(statements.filter((s) => /join "stage_assessments"/i.test(s))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it("answers 404 for a client the caller cannot see, and 422 for a bad body either way", async () => {
    const unknown = randomUUID();
    const missing = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${unknown}/checkins`, params: { id: unknown }, token, json: VALID_CHECKIN });
    expect(missing.status).toBe(404);
    const bad = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${unknown}/checkins`, params: { id: unknown }, token, json: { ...VALID_CHECKIN, posts_last_30d: -1 } });
    expect(bad.status).toBe(422);
  });
});

describe("the portfolio page's round trips", () => {
  it("reads in 5 statements: every figure drawn from the spells shares one, the attention lists name their clients in theirs, the filter choices share one", async () => {
    const today = "2026-11-20";
    let data: Awaited<ReturnType<typeof portfolioPageData>> | undefined;
    // In one transaction (PGlite's way; on PostgreSQL each read has a transaction of its own).
    const read = () => inFirmSideBySide(database.db, manager.firmId, false, (run) => portfolioPageData(run, manager, { ...defaultRange(today), today }, 25));
    // The first read of a process also fetches the overdue thresholds, kept for a minute (lib/flags.ts).
    await read();
    const statements = await statementsOf(async () => {
      data = await read();
    });
    expect(data?.portfolio?.flows.length).toBeGreaterThan(0);
    expect(data?.portfolio?.timeInStage.length).toBeGreaterThan(0);
    const reads = statements.filter((s) => !/^(begin|commit|select set_config)/i.test(s));
    expect(data?.survival?.stages.some((s) => s.events > 0)).toBe(true);
    expect(reads).toHaveLength(5);
    expect(data?.portfolio?.attention.stalled.every((c) => c.name.length > 0)).toBe(true);
    expect(data?.portfolio?.attention.stalled.length).toBeGreaterThan(0);
    // The distribution over time (width_bucket), flows and completed spells (percentile_cont) and
    // the Kaplan–Meier counts (km_lengths): one statement, and no other reads them.
    const spells = reads.filter((s) => /width_bucket|percentile_cont|km_lengths/i.test(s));
    expect(spells).toHaveLength(1);
    expect(spells[0]).toMatch(/width_bucket[\s\S]*percentile_cont[\s\S]*km_lengths/i);
  });
});

describe("atomically", () => {
  it("inside a request's transaction, a write is undone with the request when it fails later", async () => {
    const id = await newClient();
    await expect(
      inFirm(database.db, consultant.firmId, async (tx) => {
        const r = await createCheckIn(tx, consultant, id, FIELDS);
        expect(r?.stageAfter).not.toBeNull();
        throw new Error("the request fails after the write");
      }),
    ).rejects.toThrow("the request fails after the write");
    expect(await checkInsOf(id)).toEqual([]);
  });

  it("with { savepoint: true }, a caller that catches the write's error keeps the rest of its transaction", async () => {
    const id = await newClient();
    const statements = await statementsOf(() =>
      inFirm(database.db, consultant.firmId, async (tx) => {
        await createCheckIn(tx, consultant, id, FIELDS);
        await atomically(
          tx,
          async (inner) => {
            await createCheckIn(inner as never, consultant, id, { ...FIELDS, date: "2026-04-02" });
            throw new Error("undo this one only");
          },
          { savepoint: true },
        ).catch(() => undefined);
      }),
    );
    expect(statements.some((s) => /^savepoint/i.test(s))).toBe(true);
    const kept = await database.db.select({ date: checkIns.date }).from(checkIns).where(eq(checkIns.clientId, id));
    expect(kept.map((r) => r.date)).toEqual(["2026-03-02"]);
  });

  it("outside a request, a write is a transaction of its own", async () => {
    const id = await newClient();
    const statements = await statementsOf(() => createCheckIn(database.db, consultant, id, FIELDS));
    expect(statements[0]).toMatch(/^begin/i);
    expect(statements.at(-1)).toMatch(/^commit/i);
    expect(await checkInsOf(id)).toHaveLength(1);
  });
});
