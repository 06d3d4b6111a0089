import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "@/db";
import { createCheckIn } from "@/db/queries/checkins";
import { runImport } from "@/db/queries/import";
import type { CheckInFields, CheckInRecord } from "@/lib/checkin-format";
import { createTestDatabase } from "./db";
import { makeFirmWithConsultant } from "./factory";

// A write that fails half-way leaves nothing behind. A trigger made here (a "failpoint") raises
// when a chosen row is inserted into audit_log or stage_assessments, i.e. after the check-ins
// (and, for an import, the clients) have been inserted in the same transaction. The error it
// raises reports what the transaction had written by then, so each test shows both halves:
// the failure came mid-way (rows were written), and afterwards none of them is there.
// The last test removes the transaction and shows the same failure does leave rows behind,
// so these assertions would catch a write that is not atomic.

let database: Database;

const FIELDS: CheckInFields = {
  date: "2026-03-02", consultant: null, accounts: ["facebook", "x"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic",
  automatedShare: 0.7, replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none",
  attitude: "hopeful", followers: null, notes: null,
};

const rec = (client: string, date: string): CheckInRecord => ({ ...FIELDS, client, date });

beforeAll(async () => {
  database = await createTestDatabase();
  const statements = [
    `create table test_failpoints (
      id serial primary key,
      table_name text not null,
      firm_id uuid not null,
      match jsonb,          -- the new row must contain this (jsonb @>)
      client_name text      -- or belong to the client of this name
    )`,
    `create function test_failpoint() returns trigger language plpgsql as $$
    declare f test_failpoints;
    begin
      for f in select * from test_failpoints where table_name = tg_table_name loop
        if (f.match is not null and to_jsonb(new) @> f.match)
           or (f.client_name is not null and exists (
                 select 1 from clients c where c.id = (to_jsonb(new)->>'client_id')::uuid and c.name = f.client_name)) then
          raise exception 'failpoint on %: written so far clients=% check_ins=% stage_assessments=% audit_log=%',
            tg_table_name,
            (select count(*) from clients where firm_id = f.firm_id),
            (select count(*) from check_ins k join clients c on c.id = k.client_id where c.firm_id = f.firm_id),
            (select count(*) from stage_assessments s join clients c on c.id = s.client_id where c.firm_id = f.firm_id),
            (select count(*) from audit_log where firm_id = f.firm_id);
        end if;
      end loop;
      return new;
    end $$`,
    `create trigger test_failpoint_audit before insert on audit_log for each row execute function test_failpoint()`,
    `create trigger test_failpoint_stages before insert on stage_assessments for each row execute function test_failpoint()`,
  ];
  for (const statement of statements) await database.db.execute(sql.raw(statement));
});
afterAll(async () => database?.close());

interface Counts {
  clients: number;
  check_ins: number;
  stage_assessments: number;
  audit_log: number;
}

/** What one firm has stored. */
async function counts(db: Db, firmId: string): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    db,
    sql`select (select count(*)::int from clients where firm_id = ${firmId}) as clients,
               (select count(*)::int from check_ins k join clients c on c.id = k.client_id where c.firm_id = ${firmId}) as check_ins,
               (select count(*)::int from stage_assessments s join clients c on c.id = s.client_id where c.firm_id = ${firmId}) as stage_assessments,
               (select count(*)::int from audit_log where firm_id = ${firmId}) as audit_log`,
  );
  return row!;
}

async function failAt(table: "audit_log" | "stage_assessments", firmId: string, where: { match?: object; clientName?: string }) {
  await database.db.execute(
    sql`insert into test_failpoints (table_name, firm_id, match, client_name)
        values (${table}, ${firmId}, ${where.match ? JSON.stringify(where.match) : null}::jsonb, ${where.clientName ?? null})`,
  );
}

/** Runs the write, expects the failpoint to stop it, and returns what had been written when it did. */
async function stoppedMidway(write: () => Promise<unknown>): Promise<Counts & { table: string }> {
  let error: unknown;
  try {
    await write();
  } catch (e) {
    error = e;
  }
  expect(error, "the failpoint should have made the write throw").toBeDefined();
  // drizzle wraps the driver's error: look through the causes for the trigger's message.
  let text = "";
  for (let e: any = error; e; e = e.cause) text += ` ${e.message ?? e}`;
  const m = text.match(/failpoint on (\w+): written so far clients=(\d+) check_ins=(\d+) stage_assessments=(\d+) audit_log=(\d+)/);
  expect(m, `not the failpoint's error: ${text}`).not.toBeNull();
  return { table: m![1]!, clients: Number(m![2]), check_ins: Number(m![3]), stage_assessments: Number(m![4]), audit_log: Number(m![5]) };
}

describe("a check-in write that fails half-way", () => {
  it("fails at its audit row: the check-in and its stage had been written, and afterwards neither is there", async () => {
    const { firm, consultant, client } = await makeFirmWithConsultant(database.db);
    await createCheckIn(database.db, consultant, client.id, { ...FIELDS, date: "2026-01-10" });
    const before = await counts(database.db, firm.id);
    expect(before).toMatchObject({ check_ins: 1, stage_assessments: 1, audit_log: 1 });

    await failAt("audit_log", firm.id, { match: { action: "checkin.create", client_id: client.id } });
    const midway = await stoppedMidway(() => createCheckIn(database.db, consultant, client.id, FIELDS));
    expect(midway.table).toBe("audit_log");
    expect(midway).toMatchObject({ check_ins: before.check_ins + 1, stage_assessments: before.stage_assessments + 1, audit_log: before.audit_log });

    expect(await counts(database.db, firm.id)).toEqual(before);
  });

  it("fails at its stage history: the check-in had been written, and afterwards it is not there", async () => {
    const { firm, consultant, client } = await makeFirmWithConsultant(database.db);
    const before = await counts(database.db, firm.id);

    await failAt("stage_assessments", firm.id, { match: { client_id: client.id } });
    const midway = await stoppedMidway(() => createCheckIn(database.db, consultant, client.id, FIELDS));
    expect(midway.table).toBe("stage_assessments");
    expect(midway.check_ins).toBe(before.check_ins + 1);

    expect(await counts(database.db, firm.id)).toEqual(before);
  });
});

describe("an import that fails half-way", () => {
  const file = (existing: string, fresh: string): CheckInRecord[] => [
    rec(existing, "2026-01-05"),
    rec(existing, "2026-02-05"),
    rec(fresh, "2026-01-07"),
    rec(fresh, "2026-02-07"),
    rec(fresh, "2026-03-07"),
  ];

  it("fails at its closing audit row: clients, check-ins and stages had been written, and afterwards none is there", async () => {
    const { firm, consultant, client } = await makeFirmWithConsultant(database.db);
    const fresh = `Fresh Fish ${randomUUID().slice(0, 8)}`;
    const before = await counts(database.db, firm.id);

    await failAt("audit_log", firm.id, { match: { action: "import", firm_id: firm.id } });
    const midway = await stoppedMidway(() => runImport(database.db, consultant, file(client.name, fresh)));
    expect(midway.table).toBe("audit_log");
    expect(midway).toMatchObject({
      clients: before.clients + 1,
      check_ins: before.check_ins + 5,
      stage_assessments: before.stage_assessments + 5,
      audit_log: before.audit_log + 1, // the new client's creation row
    });

    expect(await counts(database.db, firm.id)).toEqual(before);
    // ...and the same file imports cleanly once the failpoint is gone.
    await database.db.execute(sql`delete from test_failpoints where firm_id = ${firm.id}`);
    const ok = await runImport(database.db, consultant, file(client.name, fresh));
    expect(ok).toMatchObject({ ok: true, createdCheckIns: 5 });
    expect(await counts(database.db, firm.id)).toEqual({
      clients: before.clients + 1, check_ins: before.check_ins + 5, stage_assessments: before.stage_assessments + 5, audit_log: before.audit_log + 2,
    });
  });

  it("fails at the stage history of a client it created: nothing of the import is there afterwards", async () => {
    const { firm, consultant, client } = await makeFirmWithConsultant(database.db);
    const fresh = `Fresh Fruit ${randomUUID().slice(0, 8)}`;
    const before = await counts(database.db, firm.id);

    await failAt("stage_assessments", firm.id, { clientName: fresh });
    const midway = await stoppedMidway(() => runImport(database.db, consultant, file(client.name, fresh)));
    expect(midway.table).toBe("stage_assessments");
    expect(midway.clients).toBe(before.clients + 1);
    expect(midway.check_ins).toBe(before.check_ins + 5);

    expect(await counts(database.db, firm.id)).toEqual(before);
  });
});

describe("the failpoints would catch a write that is not atomic", () => {
  /** The same db, but transaction(fn) runs fn straight on it: every statement commits on its own. */
  function withoutTransactions(db: Db): Db {
    const bare: Db = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "transaction") return (fn: (tx: Db) => unknown) => fn(bare);
        return Reflect.get(target, prop, receiver);
      },
    });
    return bare;
  }

  it("without the transaction the same failures leave the check-in and the import's rows behind", async () => {
    const { firm, consultant, client } = await makeFirmWithConsultant(database.db);
    const before = await counts(database.db, firm.id);
    await failAt("audit_log", firm.id, { match: { action: "checkin.create", client_id: client.id } });
    await stoppedMidway(() => createCheckIn(withoutTransactions(database.db), consultant, client.id, FIELDS));
    const after = await counts(database.db, firm.id);
    expect(after.check_ins).toBe(before.check_ins + 1);
    expect(after.stage_assessments).toBe(before.stage_assessments + 1);

    const fresh = `Leftover Loaves ${randomUUID().slice(0, 8)}`;
    await failAt("audit_log", firm.id, { match: { action: "import", firm_id: firm.id } });
    await stoppedMidway(() => runImport(withoutTransactions(database.db), consultant, [rec(fresh, "2026-01-07"), rec(fresh, "2026-02-07")]));
    const later = await counts(database.db, firm.id);
    expect(later.clients).toBe(after.clients + 1);
    expect(later.check_ins).toBe(after.check_ins + 2);
  });
});
