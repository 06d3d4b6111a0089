import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { auditLog, checkIns, clients, users } from "@/db/schema";
import { seedDemo, isDatabaseEmpty } from "@/db/seed";
import { actorForUser, findUserByEmail, setUserActive } from "@/db/queries/users";
import { getClient } from "@/db/queries/clients";
import { listClientsForList } from "@/db/queries/client-status";
import { createCheckIn, listCheckInsWithStages } from "@/db/queries/checkins";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase } from "./db";
import { makeUser } from "./factory";

let database: Database;
const TODAY = "2026-11-20";

const actor = (email: string): Promise<Actor> => actorByEmail(database.db, email);

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  await seedDemo(database.db, { today: TODAY });
});
afterAll(async () => database?.close());

describe("demo seed", () => {
  it("creates both firms, the demo logins and a firm with 40+ clients covering all six stages", async () => {
    const firmsCount = await queryRows<{ name: string; n: number }>(
      database.db,
      sql`select f.name, count(c.id)::int as n from firms f left join clients c on c.firm_id = f.id group by f.name order by f.name`,
    );
    expect(firmsCount).toEqual([
      { name: "Northwind Social", n: 42 },
      { name: "Other Firm", n: 3 },
    ]);
    for (const email of ["manager@example.com", "consultant@example.com", "consultant2@example.com", "client@example.com", "client2@example.com", "other-manager@example.org"]) {
      expect(await findUserByEmail(database.db, email), email).toBeDefined();
    }
    const stages = await queryRows<{ stage: number }>(
      database.db,
      sql`select distinct on (client_id) stage from stage_assessments order by client_id, seq desc`,
    );
    expect(new Set(stages.map((s) => Number(s.stage)))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    const noCheckIns = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from clients c where not exists (select 1 from check_ins k where k.client_id = c.id)`);
    expect(noCheckIns[0].n).toBeGreaterThanOrEqual(1);
    const span = await queryRows<{ days: number }>(database.db, sql`select max(max_d - min_d) as days from (select max(date) as max_d, min(date) as min_d from check_ins group by client_id) t`);
    expect(Number(span[0].days)).toBeGreaterThan(365);
  });

  it("stores a stage for every check-in and moves clients backwards as well as forwards", async () => {
    const missing = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins k where not exists (select 1 from stage_assessments s where s.check_in_id = k.id)`);
    expect(missing[0].n).toBe(0);
    const regressions = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct client_id)::int as n from (select client_id, stage, lag(stage) over (partition by client_id order by seq) as prev from stage_assessments) t where stage < prev`,
    );
    expect(regressions[0].n).toBeGreaterThanOrEqual(3);
  });

  it("is deterministic: a second seed on the same day gives the same data", async () => {
    const other = await (await import("./db")).createTestDatabase();
    try {
      await seedDemo(other.db, { today: TODAY });
      const snapshot = (db: Database["db"]) =>
        queryRows<{ name: string; dates: string; stages: string }>(
          db,
          sql`select c.name, string_agg(k.date::text || ':' || k.posts_last_30d || ':' || k.rhythm, ',' order by k.date, k.posts_last_30d) as dates,
                     (select string_agg(stage::text, '' order by seq) from stage_assessments s where s.client_id = c.id) as stages
              from clients c left join check_ins k on k.client_id = c.id group by c.id, c.name order by c.name, dates`,
        );
      expect(await snapshot(other.db)).toEqual(await snapshot(database.db));
    } finally {
      await other.close();
    }
  });
});

describe("the guard: who sees which clients", () => {
  it("a manager sees every client of their own firm and none of another firm", async () => {
    const manager = await actor("manager@example.com");
    const other = await actor("other-manager@example.org");
    const mine = await listClientsForList(database.db, manager);
    const theirs = await listClientsForList(database.db, other);
    expect(mine).toHaveLength(42);
    expect(theirs).toHaveLength(3);
    expect(mine.some((c) => theirs.some((t) => t.id === c.id))).toBe(false);
    expect(await getClient(database.db, other, mine[0].id)).toBeNull();
    expect(await getClient(database.db, manager, mine[0].id)).not.toBeNull();
  });

  it("a consultant sees exactly the clients assigned to them", async () => {
    const c1 = await actor("consultant@example.com");
    const c2 = await actor("consultant2@example.com");
    const l1 = await listClientsForList(database.db, c1);
    const l2 = await listClientsForList(database.db, c2);
    expect(l1.length).toBeGreaterThan(5);
    expect(l1.every((c) => c.consultantId === c1.id)).toBe(true);
    expect(l2.every((c) => c.consultantId === c2.id)).toBe(true);
    expect(await getClient(database.db, c1, l2[0].id)).toBeNull();
    expect(await listCheckInsWithStages(database.db, c1, l2[0].id)).toBeNull();
    expect(await getClient(database.db, c1, l1[0].id)).not.toBeNull();
  });

  it("a client user sees only their own client, and no client list", async () => {
    const client = await actor("client@example.com");
    const client2 = await actor("client2@example.com");
    expect(await listClientsForList(database.db, client)).toEqual([]);
    const own = await getClient(database.db, client, client.clientId!);
    expect(own?.name).toBe("Rosa's Bakery");
    expect(await getClient(database.db, client, client2.clientId!)).toBeNull();
    expect(await getClient(database.db, client, "not-a-uuid")).toBeNull();
  });

  it("a client user or a consultant of another client cannot write check-ins to it", async () => {
    const client = await actor("client@example.com");
    const c2 = await actor("consultant2@example.com");
    const fields = { date: "2026-11-01", consultant: null, accounts: [], accountsSince: null, postsLast30d: 0, rhythm: "none", automatedShare: 0, replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null, followers: null, notes: null } as const;
    expect(await createCheckIn(database.db, client, client.clientId!, { ...fields, accounts: [], tools: [] })).toBeNull();
    expect(await createCheckIn(database.db, c2, client.clientId!, { ...fields, accounts: [], tools: [] })).toBeNull();
  });
});

describe("sessions", () => {
  it("a deactivated user's session stops working, and reactivation does not revive the old one", async () => {
    const manager = await actor("manager@example.com");
    // A consultant of its own, so deactivating it cannot affect the other tests' demo users.
    const user = await makeUser(database.db, manager.firmId, "consultant");
    expect(await actorForUser(database.db, user.id, user.sessionVersion)).not.toBeNull();
    await setUserActive(database.db, manager, user.id, false);
    expect(await actorForUser(database.db, user.id, user.sessionVersion)).toBeNull();
    await setUserActive(database.db, manager, user.id, true);
    expect(await actorForUser(database.db, user.id, user.sessionVersion)).toBeNull();
    const fresh = (await findUserByEmail(database.db, user.email))!;
    expect(fresh.sessionVersion).toBeGreaterThan(user.sessionVersion);
    expect(await actorForUser(database.db, fresh.id, fresh.sessionVersion)).not.toBeNull();
  });

  it("a manager of another firm cannot deactivate this firm's users", async () => {
    const other = await actor("other-manager@example.org");
    const user = (await findUserByEmail(database.db, "consultant@example.com"))!;
    expect(await setUserActive(database.db, other, user.id, false)).toBeNull();
    const after = (await findUserByEmail(database.db, "consultant@example.com"))!;
    expect(after.active).toBe(true);
  });

  it("a consultant cannot deactivate anyone", async () => {
    const c1 = await actor("consultant@example.com");
    const user = (await findUserByEmail(database.db, "consultant2@example.com"))!;
    expect(await setUserActive(database.db, c1, user.id, false)).toBeNull();
  });
});

describe("schema rules", () => {
  it("the audit log refuses updates and deletes", async () => {
    const manager = await actor("manager@example.com");
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.firmId, manager.firmId)).limit(1);
    expect(row).toBeDefined();
    await expect(database.db.update(auditLog).set({ action: "x" }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(database.db.delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
  });

  it("a client user must be linked to exactly one client, other roles to none", async () => {
    const manager = await actor("manager@example.com");
    await expect(
      database.db.insert(users).values({ firmId: manager.firmId, email: "x@example.com", name: "X", role: "client" }),
    ).rejects.toThrow();
    const [c] = await database.db.select().from(clients).where(eq(clients.firmId, manager.firmId)).limit(1);
    await expect(
      database.db.insert(users).values({ firmId: manager.firmId, email: "y@example.com", name: "Y", role: "consultant", clientId: c.id }),
    ).rejects.toThrow();
  });

  it("check constraints refuse out-of-range observations", async () => {
    const [c] = await database.db.select().from(checkIns).limit(1);
    await expect(database.db.update(checkIns).set({ automatedShare: 1.5 }).where(eq(checkIns.id, c.id))).rejects.toThrow();
    await expect(database.db.update(checkIns).set({ postsLast30d: -1 }).where(eq(checkIns.id, c.id))).rejects.toThrow();
  });
});
