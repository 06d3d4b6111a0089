import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "@/db";
import { clients } from "@/db/schema";
import { checkConsistency } from "@/db/queries/consistency";
import { createCheckIn } from "@/db/queries/checkins";
import { recomputeStagesMany } from "@/db/queries/stage-history";
import { createClient, setClientArchived } from "@/db/queries/clients";
import { reassignClient } from "@/db/queries/team";
import { getPortfolio } from "@/db/queries/portfolio";
import { clientScope, copiesScope } from "@/db/queries/scope";
import { inFirm } from "@/db/tenant";
import type { Actor } from "@/lib/auth/permissions";
import type { CheckInFields } from "@/lib/checkin-format/types";
import { actorByEmail, openDemoDatabase } from "./db";
import { makeUser } from "./factory";

// Migration 0012: client_status and stage_spells carry copies of their client's name, industry,
// archive and creation date and of its lead consultant, kept by triggers on clients and
// assignments. These tests drive the app's own writers (as the app's role, under row-level
// security) and check the copies after each, and that the scope read through the copies is the
// scope read through clients and assignments.

let database: Database;
let manager: Actor;
let consultant: Actor;
const TODAY = "2026-06-30";

beforeAll(async () => {
  database = await openDemoDatabase(TODAY);
  manager = await actorByEmail(database.db, "manager@example.com");
  consultant = await actorByEmail(database.db, "consultant@example.com");
});
afterAll(() => database?.close());

interface Copies {
  name: string;
  name_key: string;
  industry: string | null;
  archived: boolean;
  archived_on: string | null;
  created_on: string;
  consultant_id: string | null;
}

async function copiesOf(clientId: string): Promise<{ status: Copies | undefined; spells: Omit<Copies, "name" | "name_key" | "created_on">[] }> {
  const [status] = await queryRows<Copies>(
    database.db,
    sql`select name, name_key, industry, archived, archived_on::text as archived_on, created_on::text as created_on, consultant_id from client_status where client_id = ${clientId}`,
  );
  const spells = await queryRows<Omit<Copies, "name" | "name_key" | "created_on">>(
    database.db,
    sql`select industry, archived, archived_on::text as archived_on, consultant_id from stage_spells where client_id = ${clientId} order by start_seq`,
  );
  return { status, spells };
}

const failing = async () => (await checkConsistency(database.db)).filter((f) => f.count > 0).map((f) => f.rule);

const CHECK_IN: CheckInFields = {
  date: "2026-05-01", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic",
  automatedShare: 0.7, replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none",
  attitude: "hopeful", followers: null, notes: null,
};

/** Runs `fn` as the app's role (row-level security on) in the firm's transaction, and commits. */
function asApp<T>(firmId: string, fn: (db: Db) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local role stageline_app`);
    return inFirm(tx as unknown as Db, firmId, fn);
  });
}

describe("the copies on client_status and stage_spells", () => {
  it("hold for every client of the demo firm after the migration and the seed", async () => {
    expect(await failing()).toEqual([]);
    const [{ missing }] = await queryRows<{ missing: number }>(
      database.db,
      sql`select count(*)::int as missing from clients c where not exists (select 1 from client_status s where s.client_id = c.id)`,
    );
    expect(missing).toBe(0);
  });

  it("follow a new client, its check-ins, a reassignment, a rename, an industry and an archive, as the app's role", async () => {
    const db = database.db;
    const created = await asApp(manager.firmId, (tx) => createClient(tx, manager, { name: "Copy Cats Café", industry: "Food", consultantId: consultant.id }));
    const id = created!.id;
    // A client with no check-in has its row from the start, with no stage.
    let c = await copiesOf(id);
    expect(c.status).toMatchObject({ name: "Copy Cats Café", name_key: "copy cats café", industry: "Food", archived: false, archived_on: null, consultant_id: consultant.id });
    expect(c.spells).toEqual([]);

    await asApp(consultant.firmId, (tx) => createCheckIn(tx, consultant, id, { ...CHECK_IN, date: "2026-05-01" }));
    await asApp(consultant.firmId, (tx) => createCheckIn(tx, consultant, id, { ...CHECK_IN, date: "2026-06-01", postsLast30d: 14, rhythm: "scheduled", automatedShare: 0.1, replies: "consistent", results: "some", attitude: "comfortable" }));
    c = await copiesOf(id);
    expect(c.spells.length).toBeGreaterThan(0);
    for (const s of c.spells) expect(s).toEqual({ industry: "Food", archived: false, archived_on: null, consultant_id: consultant.id });

    const other = await makeUser(db, manager.firmId, "consultant");
    expect(await asApp(manager.firmId, (tx) => reassignClient(tx, manager, id, other.id))).not.toBeNull();
    c = await copiesOf(id);
    expect(c.status?.consultant_id).toBe(other.id);
    for (const s of c.spells) expect(s.consultant_id).toBe(other.id);

    // No writer in the app renames a client or changes its industry yet; the trigger still follows them.
    await asApp(manager.firmId, (tx) => tx.update(clients).set({ name: "Copy Dogs Café", industry: "Hospitality" }).where(eq(clients.id, id)));
    c = await copiesOf(id);
    expect(c.status).toMatchObject({ name: "Copy Dogs Café", name_key: "copy dogs café", industry: "Hospitality" });
    for (const s of c.spells) expect(s.industry).toBe("Hospitality");

    await asApp(manager.firmId, (tx) => setClientArchived(tx, manager, id, true));
    const [{ archived_on }] = await queryRows<{ archived_on: string }>(db, sql`select archived_on::text as archived_on from clients where id = ${id}`);
    c = await copiesOf(id);
    expect(c.status).toMatchObject({ archived: true, archived_on });
    for (const s of c.spells) expect(s).toMatchObject({ archived: true, archived_on });

    await asApp(manager.firmId, (tx) => setClientArchived(tx, manager, id, false));
    c = await copiesOf(id);
    expect(c.status).toMatchObject({ archived: false, archived_on: null });
    for (const s of c.spells) expect(s).toMatchObject({ archived: false, archived_on: null });
    expect(await failing()).toEqual([]);
  });

  it("are found out by db:check when they drift", async () => {
    await database.db.execute(sql`update client_status set industry = 'Drifted' where client_id = (select id from clients order by id limit 1)`);
    expect(await failing()).toEqual(["status row or spell missing or out of step with its client's name, industry, archive or consultant"]);
    await database.db.execute(sql`update client_status s set industry = c.industry from clients c where c.id = s.client_id`);
    await database.db.execute(sql`update stage_spells set consultant_id = null where client_id = (select client_id from stage_spells order by client_id limit 1)`);
    expect(await failing()).toEqual(["status row or spell missing or out of step with its client's name, industry, archive or consultant"]);
    await database.db.execute(sql`update stage_spells s set consultant_id = a.consultant_id from assignments a where a.client_id = s.client_id`);
    const [{ id }] = await queryRows<{ id: string }>(database.db, sql`select id from clients order by id limit 1`);
    await database.db.execute(sql`delete from client_status where client_id = ${id}`);
    expect(await failing()).toContain("status row or spell missing or out of step with its client's name, industry, archive or consultant");
    // The repair: the row with its copies, then its status from the history.
    await database.db.execute(sql`select copy_client_scope(array[${id}::uuid])`);
    await database.db.transaction((tx) => recomputeStagesMany(tx, [id]));
    expect(await failing()).toEqual([]);
  });

  it("give each role the same clients as clientScope, with and without filters", async () => {
    const db = database.db;
    const client = await actorByEmail(db, "client@example.com");
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    for (const actor of [manager, consultant, client]) {
      for (const withArchived of [false, true]) {
        const viaClients = await queryRows<{ id: string }>(
          db,
          sql`select ${clients.id} as id from ${clients} where ${clientScope(actor)} and ${withArchived ? sql`true` : sql`not ${clients.archived}`}`,
        );
        const viaCopies = await queryRows<{ id: string }>(db, sql`select cs.client_id as id from client_status cs where ${copiesScope(actor, "cs", {}, withArchived)}`);
        expect(ids(viaCopies), `${actor.role}, archived ${withArchived}`).toEqual(ids(viaClients));
        expect(viaClients.length, actor.role).toBeGreaterThan(0);
      }
    }
    const industry = (await queryRows<{ industry: string }>(db, sql`select industry from clients where firm_id = ${manager.firmId} and industry is not null limit 1`))[0]!.industry;
    const byIndustry = await queryRows<{ id: string }>(db, sql`select id from clients c join assignments a on a.client_id = c.id where c.firm_id = ${manager.firmId} and not c.archived and c.industry = ${industry} and a.consultant_id = ${consultant.id}`);
    const viaCopies = await queryRows<{ id: string }>(db, sql`select cs.client_id as id from client_status cs where ${copiesScope(manager, "cs", { industry, consultantId: consultant.id })}`);
    expect(ids(viaCopies)).toEqual(ids(byIndustry));
  });

  it("count a client with no check-in in the portfolio, as one without a stage", async () => {
    const before = (await getPortfolio(database.db, manager, { from: "2025-07-01", to: TODAY, today: TODAY }))!;
    await asApp(manager.firmId, (tx) => createClient(tx, manager, { name: "Not Yet Started", industry: null, consultantId: consultant.id }));
    const after = (await getPortfolio(database.db, manager, { from: "2025-07-01", to: TODAY, today: TODAY }))!;
    expect(after.totalClients).toBe(before.totalClients + 1);
    expect(after.withoutStage).toBe(before.withoutStage + 1);
  });
});
