import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "@/db";
import { checkIns, clients, firms } from "@/db/schema";
import { asIdentity, inFirm } from "@/db/tenant";
import { actorForToken, createToken } from "@/db/queries/tokens";
import { sessionActor, startSession } from "@/db/queries/sessions";
import { actorFromUser } from "@/lib/auth/permissions";
import { openDemoDatabase } from "./db";

// Row-level security as a second wall (finding 11's "scoping held, add a second wall"): as the
// app's role, a query sees nothing without a firm, and another firm's id shows none of this
// firm's rows. The test connects as the owner and switches role inside each transaction, as
// the app's own connections do for their whole life. PGlite, and PostgreSQL with TEST_DATABASE_URL.

const TENANT_TABLES = ["clients", "assignments", "check_ins", "stage_assessments", "stage_spells", "client_status", "stage_overrides", "self_assessments", "audit_log", "users", "invitations", "api_tokens", "user_sessions"];

let database: Database;
let northwind: string;
let other: string;

/** Runs `fn` as the app's role in a transaction that is always rolled back. */
async function asApp<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`set local role stageline_app`);
      out = await fn(tx as unknown as Db);
      throw new RollBack();
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });
  return out as T;
}
class RollBack extends Error {}

async function countAll(tx: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TENANT_TABLES) out[t] = Number((await queryRows<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${t}`)))[0].n);
  return out;
}

beforeAll(async () => {
  database = await openDemoDatabase();
  const all = await database.db.select().from(firms);
  northwind = all.find((f) => f.name.startsWith("Northwind"))!.id;
  other = all.find((f) => f.id !== northwind)!.id;
});
afterAll(async () => database?.close());

describe("row-level security", () => {
  it("every tenant table carries firm_id and forces its policy", async () => {
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; has_firm: boolean }>(
      database.db,
      sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                 exists (select 1 from information_schema.columns k where k.table_name = c.relname and k.column_name = 'firm_id') as has_firm
          from pg_class c where c.relname in (${sql.join(TENANT_TABLES.map((t) => sql`${t}`), sql`, `)}) and c.relkind = 'r'`,
    );
    expect(rows).toHaveLength(TENANT_TABLES.length);
    for (const r of rows) expect(r, r.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, has_firm: true });
    // A table added later with firm_id and no forced policy fails here.
    const unguarded = await queryRows<{ relname: string }>(
      database.db,
      sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and not c.relforcerowsecurity
            and exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.relname and k.column_name = 'firm_id')`,
    );
    expect(unguarded.map((r) => r.relname)).toEqual([]);
    const [role] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(database.db, sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'stageline_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("the owner sees the demo data (the test's baseline)", async () => {
    const counts = await countAll(database.db);
    for (const t of ["clients", "assignments", "check_ins", "stage_assessments", "users"]) expect(counts[t], t).toBeGreaterThan(0);
  });

  it("as the app's role, a query without a firm sees 0 rows in every tenant table", async () => {
    const counts = await asApp((tx) => countAll(tx));
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("another firm's id sees none of this firm's rows; this firm's id sees exactly its own", async () => {
    const owner = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins k join clients c on c.id = k.client_id where c.firm_id = ${northwind}`);
    const seen = await asApp(async (tx) => {
      await tx.execute(sql`select set_config('app.firm_id', ${other}, true)`);
      const asOther = await tx.select({ firmId: clients.firmId }).from(clients);
      const otherCheckIns = await queryRows<{ firm_id: string }>(tx, sql`select firm_id from check_ins`);
      await tx.execute(sql`select set_config('app.firm_id', ${northwind}, true)`);
      const own = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from check_ins`);
      return { asOther, otherCheckIns, own: own[0].n };
    });
    expect(seen.asOther.length).toBeGreaterThan(0);
    expect(seen.asOther.every((c) => c.firmId === other)).toBe(true);
    expect(seen.otherCheckIns.every((k) => k.firm_id === other)).toBe(true);
    expect(seen.own).toBe(owner[0].n);
  });

  it("a write into another firm's client is refused, whatever firm_id it claims", async () => {
    const [theirs] = await database.db.select().from(clients).where(eq(clients.firmId, other)).limit(1);
    const [author] = await queryRows<{ id: string }>(database.db, sql`select id from users where firm_id = ${northwind} and role = 'consultant' limit 1`);
    await expect(
      asApp(async (tx) => {
        await tx.execute(sql`select set_config('app.firm_id', ${northwind}, true)`);
        await tx.insert(checkIns).values({ clientId: theirs.id, firmId: northwind, authorId: author.id, date: "2026-06-01", postsLast30d: 1, rhythm: "sporadic", replies: "none", results: "none" });
      }),
    ).rejects.toThrow();
  });

  it("the app's transactions (inFirm, asIdentity) give exactly these views", async () => {
    // The app's own helpers, run as the app's role.
    const result = await asApp(async (tx) => {
      const viaFirm = await inFirm(tx, other, async (db) => (await db.select({ firmId: clients.firmId }).from(clients)).map((c) => c.firmId));
      const identity = await asIdentity(tx, async (db) => {
        const users = await queryRows<{ n: number }>(db, sql`select count(distinct firm_id)::int as n from users`);
        const cl = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from clients where firm_id = ${northwind}`);
        return { userFirms: users[0].n, northwindClients: cl[0].n };
      });
      return { viaFirm, identity };
    });
    expect(new Set(result.viaFirm)).toEqual(new Set([other]));
    // An identity lookup reads users of every firm, and still no firm's clients.
    expect(result.identity.userFirms).toBeGreaterThanOrEqual(2);
    expect(result.identity.northwindClients).toBe(0);
  });

  it("the identity functions (a token, a session) find a user of another firm, and leave identity mode as they found it", async () => {
    const [user] = await queryRows<{ id: string; firm_id: string; session_version: number }>(
      database.db,
      sql`select id, firm_id, session_version from users where firm_id = ${northwind} and role = 'consultant' order by email limit 1`,
    );
    const { token } = await createToken(database.db, actorFromUser({ id: user!.id, firmId: user!.firm_id, role: "consultant", clientId: null, email: "x", name: "x" }), { name: "rls", expiresInDays: 1 });
    const sessionId = await startSession(database.db, { id: user!.id, firmId: user!.firm_id });
    const identity = async (db: Db) => (await queryRows<{ v: string | null }>(db, sql`select current_setting('app.identity', true) as v`))[0]!.v ?? "";
    const result = await asApp(async (tx) => {
      // In a transaction of another firm, as a request's would be.
      await tx.execute(sql`select set_config('app.firm_id', ${other}, true)`);
      const byToken = await actorForToken(tx, token);
      const bySession = await sessionActor(tx, { userId: user!.id, sessionId, sessionVersion: Number(user!.session_version) });
      const after = await identity(tx);
      const userFirms = (await queryRows<{ n: number }>(tx, sql`select count(distinct firm_id)::int as n from users`))[0]!.n;
      await tx.execute(sql`select set_config('app.identity', 'on', true)`);
      await actorForToken(tx, token);
      return { byToken: byToken?.actor.firmId, bySession: bySession?.firmId, after, userFirms, stillOn: await identity(tx) };
    });
    expect(result).toEqual({ byToken: northwind, bySession: northwind, after: "", userFirms: 1, stillOn: "on" });
  });

  it("firm_id is filled from the parent row, so no writer has to set it", async () => {
    const [bad] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from check_ins k join clients c on c.id = k.client_id where k.firm_id <> c.firm_id`,
    );
    expect(bad.n).toBe(0);
  });
});
