import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Tx } from "@/db";
import { seedDemo } from "@/db/seed";
import { createCheckIn } from "@/db/queries/checkins";
import type { CheckInFields } from "@/lib/checkin-format";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";

// A check-in's history write runs in functions whose plans are generic (migrations 0013, 0016):
// the planner cannot see how many clients a call names. With a small firm alone in its database
// it used to choose a sequential scan of stage_assessments and stage_spells on every check-in
// (a firm of 1,000 clients alone wrote 2.3x slower than the same firm among nine others,
// docs/performance.md). Here the demo firm gets the stored history of 1,000 more clients (36
// assessments and five spells each, and their client and status rows, written directly: only the tables' size matters to the
// planner), and its writes must still use the indexes. (Far smaller tables, a page or two, are
// rightly read whole.) pg_stat_xact_user_tables counts this transaction's own scans, on
// PostgreSQL and PGlite alike.

let database: Database;
let consultant: Actor;

const FIELDS: CheckInFields = {
  date: "2026-11-02", consultant: null, accounts: ["facebook", "instagram"], accountsSince: null, postsLast30d: 12, rhythm: "scheduled", automatedShare: 0.1,
  replies: "consistent", promotion: "light", results: "some", tools: ["scheduling"], mentionResponseHours: 12, advocacy: "none", attitude: "comfortable", followers: 400, notes: null,
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-11-20" });
  await database.db.transaction(async (tx) => {
    // Rows of clients that exist only here: no triggers or foreign-key checks for them.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      with firm as (select firm_id as id from users where email = 'consultant@example.com'),
      c as (select gen_random_uuid() as id from generate_series(1, 1000)),
      k as (insert into clients (id, firm_id, name) select c.id, firm.id, 'Filler ' || c.id from c, firm),
      a as (
        insert into stage_assessments (check_in_id, client_id, firm_id, date, seq, stage, confidence, reasons, missing)
        select gen_random_uuid(), c.id, firm.id, date '2023-01-01' + s * 20, s, 1 + s / 8, 0.5, '[]', '[]' from c, firm, generate_series(0, 35) s
      ),
      p as (
        insert into stage_spells (client_id, firm_id, start_seq, stage, started, ended, next_stage)
        select c.id, firm.id, k * 8, 1 + k, date '2023-01-01' + k * 160, case when k < 4 then date '2023-01-01' + (k + 1) * 160 end, case when k < 4 then 2 + k end
        from c, firm, generate_series(0, 4) k
      )
      insert into client_status (client_id, firm_id, name, created_on, check_in_count)
      select c.id, firm.id, 'Filler ' || c.id, date '2023-01-01', 36 from c, firm`);
  });
  // As autovacuum would have: the planner knows how small the tables are.
  await database.db.execute(sql`analyze`);
  consultant = await actorByEmail(database.db, "consultant@example.com");
});
afterAll(async () => {
  await database?.close();
});

class Undo extends Error {}

describe("a check-in's history write in a small database", () => {
  it("reads the assessments and spells through their indexes: no sequential scan", async () => {
    const clients = await queryRows<{ id: string }>(
      database.db,
      sql`select c.id from clients c join assignments a on a.client_id = c.id join users u on u.id = a.consultant_id
          where u.email = 'consultant@example.com' and exists (select 1 from check_ins k where k.client_id = c.id) order by c.name limit 3`,
    );
    expect(clients.length).toBe(3);
    let scans: { relname: string; seq_scan: number | string }[] = [];
    await database.db
      .transaction(async (tx: Tx) => {
        // A check-in today, and one dated back into each history (its tail is rewritten).
        for (const { id } of clients) {
          expect(await createCheckIn(tx, consultant, id, { ...FIELDS, date: "2026-11-19" })).not.toBeNull();
          expect(await createCheckIn(tx, consultant, id, FIELDS)).not.toBeNull();
        }
        scans = await queryRows(
          tx,
          sql`select relname, seq_scan from pg_stat_xact_user_tables
              where relname in ('stage_assessments', 'stage_spells', 'client_status', 'check_ins') order by relname`,
        );
        throw new Undo();
      })
      .catch((err) => {
        if (!(err instanceof Undo)) throw err;
      });
    expect(scans.map((s) => s.relname)).toEqual(["check_ins", "client_status", "stage_assessments", "stage_spells"]);
    // client_status is left out: at this size (a few dozen pages) the planner may rightly read it
    // whole for the status update's join; with the benchmark's 1,000-client firm alone it did not.
    expect(scans.filter((s) => s.relname !== "client_status" && Number(s.seq_scan) > 0)).toEqual([]);
  });
});
