// The bounds of the one field definition (CHECKIN_FIELDS) are the database's: a value the
// columns cannot hold gets a clear message at its field on every path (API, CSV import, form),
// never an exception or a 500; the largest value they can hold is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { checkIns } from "@/db/schema";
import { runImport } from "@/db/queries/import";
import { createCheckInEndpoint, updateCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { importEndpoint } from "@/lib/api/handlers/transfer";
import { parseCsv, INT32_MAX } from "@/lib/checkin-format";
import { emptyValues, parseCheckInValues } from "@/lib/validation/checkin-form";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { makeFirmWithConsultant } from "./factory";
import { call, tokenFor, VALID_CHECKIN } from "./api/helpers";

const TOO_MANY = 3_000_000_000;
const MESSAGE = `expected a whole number from 0 to ${INT32_MAX}, got ${TOO_MANY}`;

let database: Database;
let consultant: Actor;
let clientId: string;
let token: string;

async function count(): Promise<number> {
  const [r] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins`);
  return Number(r!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const f = await makeFirmWithConsultant(database.db);
  consultant = f.consultant;
  clientId = f.client.id;
  token = await tokenFor(database, f.consultant.email);
});
afterAll(async () => database?.close());

const post = (json: unknown) =>
  call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${clientId}/checkins`, params: { id: clientId }, token, json });

describe("followers above the integer column's range", () => {
  it("the API answers 422 at the field, as a number or a numeric string, and writes nothing", async () => {
    const before = await count();
    for (const followers of [TOO_MANY, String(TOO_MANY)]) {
      const res = await post({ ...VALID_CHECKIN, followers });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details).toEqual([{ column: "followers", message: typeof followers === "number" ? MESSAGE : `expected a whole number from 0 to ${INT32_MAX}, got "${TOO_MANY}"` }]);
    }
    expect(await count()).toBe(before);
  });

  it("a PATCH to followers 3,000,000,000 is 422 too; the largest integer is stored", async () => {
    const created = await post({ ...VALID_CHECKIN, followers: INT32_MAX });
    expect(created.status).toBe(201);
    const id = created.body.checkIn.id as string;
    const [row] = await database.db.select({ followers: checkIns.followers }).from(checkIns).where(eq(checkIns.id, id));
    expect(row!.followers).toBe(INT32_MAX);
    const res = await call(database, updateCheckInEndpoint, { method: "PATCH", path: `/api/v1/checkins/${id}`, params: { id }, token, headers: { "if-match": "1" }, json: { followers: TOO_MANY } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ column: "followers", message: MESSAGE }]);
  });

  it("a CSV import names the line and column (422 through the endpoint) and writes nothing", async () => {
    const before = await count();
    const csv = `client,date,posts_last_30d,rhythm,replies,results,followers\nBig Shop,2026-09-01,3,sporadic,none,none,120\nBig Shop,2026-10-01,5,scheduled,some,some,${TOO_MANY}\n`;
    const res = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token, body: csv, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ line: 3, column: "followers", message: `expected a whole number from 0 to ${INT32_MAX}, got "${TOO_MANY}"` }]);
    const json = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token, json: [{ client: "Big Shop", date: "2026-10-01", posts_last_30d: 5, rhythm: "scheduled", replies: "some", results: "some", followers: TOO_MANY }] });
    expect(json.status).toBe(422);
    expect(json.body.error.details).toEqual([{ index: 0, column: "followers", message: MESSAGE }]);
    expect(await count()).toBe(before);
  });

  it("the parsed file never reaches runImport, and the bound itself imports", async () => {
    const bad = parseCsv(`client,date,posts_last_30d,rhythm,replies,results,followers\nBig Shop,2026-10-01,5,scheduled,some,some,${TOO_MANY}\n`);
    expect(bad.ok).toBe(false);
    const good = parseCsv(`client,date,posts_last_30d,rhythm,replies,results,followers\nBig Shop,2026-10-01,5,scheduled,some,some,${INT32_MAX}\n`);
    if (!good.ok) throw new Error("expected a valid file");
    const result = await runImport(database.db, consultant, good.records);
    expect(result).toMatchObject({ ok: true, createdCheckIns: 1 });
    const [row] = await queryRows<{ followers: number }>(database.db, sql`select followers from check_ins c join clients k on k.id = c.client_id where k.name = 'Big Shop'`);
    expect(Number(row!.followers)).toBe(INT32_MAX);
  });

  it("the check-in form shows the message at the field", () => {
    const values = { ...emptyValues("2026-10-01"), posts_last_30d: "5", rhythm: "scheduled", replies: "some", results: "some", followers: String(TOO_MANY) };
    const r = parseCheckInValues(values, new Date("2026-11-30T12:00:00Z"));
    expect(r).toEqual({ ok: false, errors: { followers: `expected a whole number from 0 to ${INT32_MAX}, got "${TOO_MANY}"` } });
    const ok = parseCheckInValues({ ...values, followers: String(INT32_MAX) }, new Date("2026-11-30T12:00:00Z"));
    expect(ok.ok && ok.fields.followers).toBe(INT32_MAX);
  });
});
