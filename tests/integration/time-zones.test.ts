import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { firms, users } from "@/db/schema";
import { adoptBrowserTimeZone, setFirmTimeZone, updatePreferences } from "@/db/queries/preferences";
import { createCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { sessionActor, startSession } from "@/db/queries/sessions";
import { parseCheckInValues, prefillFrom } from "@/lib/validation/checkin-form";
import { dayIn } from "@/lib/time/zone";
import { makeClient, makeFirm, makeUser } from "./factory";
import { createTestDatabase } from "./db";
import { call, tokenFor, VALID_CHECKIN } from "./api/helpers";

// "Today" is the user's local date (#10): at 05:05 in Dhaka the form refused the real date as
// "in the future" because the server used UTC. PGlite, and PostgreSQL with TEST_DATABASE_URL.

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("time zones", () => {
  it("the actor's zone is the user's, else the firm's, else UTC; settings validate and apply", async () => {
    const firm = await makeFirm(database.db);
    await database.db.update(firms).set({ timeZone: "Asia/Dhaka" }).where(eq(firms.id, firm.id));
    const u = await makeUser(database.db, firm.id, "consultant", { email: `tz-${Date.now()}@tz.test` });
    const claims = { userId: u.id, sessionVersion: u.sessionVersion, sessionId: await startSession(database.db, u) };
    const actor = (await sessionActor(database.db, claims))!;
    expect(actor.timeZone).toBe("Asia/Dhaka"); // the firm's, while the user has none
    expect(await updatePreferences(database.db, actor, { locale: "xx", timeZone: "Asia/Dhaka" })).toEqual({ ok: false, field: "locale" });
    expect(await updatePreferences(database.db, actor, { locale: "bn", timeZone: "Mars/Olympus" })).toEqual({ ok: false, field: "timeZone" });
    expect(await updatePreferences(database.db, actor, { locale: "bn", timeZone: "Pacific/Tongatapu" })).toEqual({ ok: true });
    const [row] = await database.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ locale: "bn", timeZone: "Pacific/Tongatapu" });
    expect(await sessionActor(database.db, claims)).toMatchObject({ locale: "bn", timeZone: "Pacific/Tongatapu" });
    // A browser's zone is adopted only while the user has none.
    await adoptBrowserTimeZone(database.db, u.id, "Europe/Lisbon");
    expect((await database.db.select().from(users).where(eq(users.id, u.id)))[0].timeZone).toBe("Pacific/Tongatapu");
    const fresh = await makeUser(database.db, firm.id, "consultant");
    await adoptBrowserTimeZone(database.db, fresh.id, "not/a-zone");
    expect((await database.db.select().from(users).where(eq(users.id, fresh.id)))[0].timeZone).toBeNull();
    await adoptBrowserTimeZone(database.db, fresh.id, "Europe/Lisbon");
    expect((await database.db.select().from(users).where(eq(users.id, fresh.id)))[0].timeZone).toBe("Europe/Lisbon");
  });

  it("only a manager sets the firm's zone, and only to a real zone", async () => {
    const firm = await makeFirm(database.db);
    const manager = await makeUser(database.db, firm.id, "manager");
    const consultant = await makeUser(database.db, firm.id, "consultant");
    expect(await setFirmTimeZone(database.db, consultant, "Asia/Dhaka")).toBeNull();
    expect(await setFirmTimeZone(database.db, manager, "Nowhere/Land")).toBe(false);
    expect(await setFirmTimeZone(database.db, manager, "Asia/Dhaka")).toBe(true);
    expect((await database.db.select().from(firms).where(eq(firms.id, firm.id)))[0].timeZone).toBe("Asia/Dhaka");
  });

  it("at 23:05 UTC a Dhaka user's form prefills and accepts the Dhaka date; UTC's 'today' would refuse it", () => {
    const now = new Date("2026-03-09T23:05:00Z");
    const dhakaToday = dayIn("Asia/Dhaka", now);
    expect(dhakaToday).toBe("2026-03-10");
    const values = prefillFrom(null, dhakaToday);
    expect(values.date).toBe("2026-03-10");
    expect(parseCheckInValues({ ...values, posts_last_30d: "3", rhythm: "sporadic", replies: "none", results: "none" }, dhakaToday).ok).toBe(true);
    const utc = parseCheckInValues({ ...values, posts_last_30d: "3", rhythm: "sporadic", replies: "none", results: "none" }, now);
    expect(utc.ok).toBe(false);
  });

  it("the API accepts today's date for a user 13 hours ahead of UTC", async () => {
    const firm = await makeFirm(database.db);
    const u = await makeUser(database.db, firm.id, "consultant", { email: `ahead-${Date.now()}@tz.test` });
    await database.db.update(users).set({ timeZone: "Pacific/Tongatapu" }).where(eq(users.id, u.id));
    const client = await makeClient(database.db, u);
    const token = await tokenFor(database, u.email);
    const ahead = dayIn("Pacific/Tongatapu");
    const res = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${client.id}/checkins`, params: { id: client.id }, token, json: { ...VALID_CHECKIN, date: ahead } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const dayAfter = new Date(`${ahead}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const future = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${client.id}/checkins`, params: { id: client.id }, token, json: { ...VALID_CHECKIN, date: dayAfter.toISOString().slice(0, 10) } });
    expect(future.status).toBe(422);
  });
});
