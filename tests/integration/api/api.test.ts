import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { apiTokens, checkIns, clients, rateLimits } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listClientsForList } from "@/db/queries/client-status";
import { createOverride } from "@/db/queries/overrides";
import { hashToken } from "@/db/queries/tokens";
import { setUserActive } from "@/db/queries/users";
import { createClientEndpoint, getClientEndpoint, listClientsEndpoint } from "@/lib/api/handlers/clients";
import { createCheckInEndpoint, deleteCheckInEndpoint, listCheckInsEndpoint, updateCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { stagesEndpoint } from "@/lib/api/handlers/stages";
import { exportEndpoint, importEndpoint } from "@/lib/api/handlers/transfer";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import { createTokenEndpoint, revokeTokenEndpoint } from "@/lib/api/handlers/tokens";
import type { Actor } from "@/lib/auth/permissions";
import { MAX_UPLOAD_BYTES } from "@/lib/api/body";
import { createTestDatabase } from "../db";
import { makeUser } from "../factory";
import { actorOf, call, isErrorShape, tokenFor, VALID_CHECKIN } from "./helpers";

let database: Database;
let tokens: Record<"manager" | "consultant" | "consultant2" | "client" | "client2" | "other", string>;
let actors: Record<keyof typeof tokens, Actor>;
let rosa: string; // Priya's client, client@'s own
let harbor: string; // Tom's client, client2@'s own
let otherFirmClient: string;

const EMAILS = {
  manager: "manager@example.com",
  consultant: "consultant@example.com",
  consultant2: "consultant2@example.com",
  client: "client@example.com",
  client2: "client2@example.com",
  other: "other-manager@example.org",
} as const;

async function checkInCount(clientId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins where client_id = ${clientId}`);
  return Number(r!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  tokens = {} as typeof tokens;
  actors = {} as typeof actors;
  for (const [k, email] of Object.entries(EMAILS) as [keyof typeof tokens, string][]) {
    tokens[k] = await tokenFor(database, email);
    actors[k] = await actorOf(database, email);
  }
  rosa = actors.client.clientId!;
  harbor = actors.client2.clientId!;
  otherFirmClient = (await listClientsForList(database.db, actors.other))[0]!.id;
});
afterAll(async () => database?.close());

describe("tokens", () => {
  it("POST /tokens with a session creates a token shown once; only its sha256 is stored", async () => {
    const res = await call(database, createTokenEndpoint, { method: "POST", path: "/api/v1/tokens", session: actors.consultant, json: { name: "zapier", expiresInDays: 7 } });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^stl_[A-Za-z0-9_-]{43}$/);
    expect(res.body.prefix).toBe(res.body.token.slice(0, 10));
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const rows = await database.db.select().from(apiTokens).where(eq(apiTokens.id, res.body.id));
    expect(rows[0]!.tokenHash).toBe(hashToken(res.body.token));
    expect(JSON.stringify(rows)).not.toContain(res.body.token);
    // ...and it works.
    const list = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: res.body.token });
    expect(list.status).toBe(200);
  });

  it("POST /tokens refuses a token (session only), no credentials and bad input", async () => {
    const byToken = await call(database, createTokenEndpoint, { method: "POST", path: "/api/v1/tokens", token: tokens.consultant, json: { name: "x", expiresInDays: 7 } });
    expect(byToken.status).toBe(401);
    expect(isErrorShape(byToken.body)).toBe(true);
    const anon = await call(database, createTokenEndpoint, { method: "POST", path: "/api/v1/tokens", json: { name: "x", expiresInDays: 7 } });
    expect(anon.status).toBe(401);
    const bad = await call(database, createTokenEndpoint, { method: "POST", path: "/api/v1/tokens", session: actors.consultant, json: { name: "", expiresInDays: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.column).sort()).toEqual(["expiresInDays", "name"]);
  });

  it("a revoked token gets 401 at once; another user cannot revoke it (404)", async () => {
    const t = await tokenFor(database, EMAILS.consultant);
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(t)));
    const foreign = await call(database, revokeTokenEndpoint, { method: "DELETE", path: `/api/v1/tokens/${row!.id}`, params: { id: row!.id }, token: tokens.consultant2 });
    expect(foreign.status).toBe(404);
    expect((await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t })).status).toBe(200);
    const revoked = await call(database, revokeTokenEndpoint, { method: "DELETE", path: `/api/v1/tokens/${row!.id}`, params: { id: row!.id }, session: actors.consultant });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthorized");
  });

  it("an expired token gets 401", async () => {
    const t = await tokenFor(database, EMAILS.consultant, { expiresInDays: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    const res = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t });
    expect(res.status).toBe(401);
    expect(isErrorShape(res.body)).toBe(true);
  });

  it("a deactivated owner's token stops working at once", async () => {
    // A consultant of its own: deactivating a demo user would change what other tests see.
    const { email } = await makeUser(database.db, actors.manager.firmId, "consultant");
    const t = await tokenFor(database, email);
    expect((await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t })).status).toBe(200);
    const u = await actorOf(database, email);
    await setUserActive(database.db, actors.manager, u.id, false);
    const res = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t });
    expect(res.status).toBe(401);
  });

  it("garbage and missing credentials get 401 in the error shape", async () => {
    for (const headers of <Record<string, string>[]>[{}, { authorization: "Bearer nope" }, { authorization: "Basic abc" }, { authorization: `Bearer stl_${"A".repeat(43)}` }]) {
      const res = await call(database, listClientsEndpoint, { path: "/api/v1/clients", headers });
      expect(res.status).toBe(401);
      expect(isErrorShape(res.body)).toBe(true);
      expect(res.headers.get("content-type")).toContain("application/json");
    }
  });
});

describe("session cookie", () => {
  it("same-origin session requests work; a foreign Origin or a cross-site fetch is refused with 401 cross_origin", async () => {
    const same = await call(database, listClientsEndpoint, { path: "/api/v1/clients", session: actors.consultant, headers: { origin: "http://stageline.test" } });
    expect(same.status).toBe(200);
    const noOrigin = await call(database, listClientsEndpoint, { path: "/api/v1/clients", session: actors.consultant });
    expect(noOrigin.status).toBe(200);
    const foreign = await call(database, createCheckInEndpoint, {
      method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, session: actors.consultant, headers: { origin: "https://evil.example" }, json: VALID_CHECKIN,
    });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.code).toBe("cross_origin");
    const site = await call(database, listClientsEndpoint, { path: "/api/v1/clients", session: actors.consultant, headers: { "sec-fetch-site": "cross-site" } });
    expect(site.status).toBe(401);
    expect(site.body.error.code).toBe("cross_origin");
  });
});

describe("GET /clients", () => {
  it("pages through exactly the visible clients for each role", async () => {
    const all = async (token: string) => {
      const seen: any[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const res = await call(database, listClientsEndpoint, { path: `/api/v1/clients?limit=10${cursor ? `&cursor=${cursor}` : ""}`, token });
        expect(res.status).toBe(200);
        seen.push(...res.body.data);
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    const m = await all(tokens.manager);
    expect(m.length).toBeGreaterThanOrEqual(42);
    expect(new Set(m.map((c) => c.id)).size).toBe(m.length);
    const c = await all(tokens.consultant);
    expect(c.length).toBeGreaterThan(3);
    expect(c.every((x) => x.consultantId === actors.consultant.id)).toBe(true);
    // The client list is not a client user's page: their token gets the API's one refusal.
    const refused = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: tokens.client });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    const o = await all(tokens.other);
    expect(o.some((x) => m.some((y) => y.id === x.id))).toBe(false);
  });

  it("filters by stage and name; a bad filter is a 400", async () => {
    const s = await call(database, listClientsEndpoint, { path: "/api/v1/clients?stage=4&limit=200", token: tokens.manager });
    expect(s.status).toBe(200);
    expect(s.body.data.length).toBeGreaterThan(0);
    expect(s.body.data.every((c: any) => c.stage === 4)).toBe(true);
    const q = await call(database, listClientsEndpoint, { path: "/api/v1/clients?q=BAKE", token: tokens.manager });
    expect(q.body.data.map((c: any) => c.name)).toContain("Rosa's Bakery");
    const pct = await call(database, listClientsEndpoint, { path: "/api/v1/clients?q=%25", token: tokens.manager });
    expect(pct.body.data).toEqual([]);
    const bad = await call(database, listClientsEndpoint, { path: "/api/v1/clients?stage=9", token: tokens.manager });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].column).toBe("stage");
    const badCursor = await call(database, listClientsEndpoint, { path: "/api/v1/clients?cursor=zzz", token: tokens.manager });
    expect(badCursor.status).toBe(400);
  });
});

describe("the 404 matrix", () => {
  const cases: [string, keyof typeof EMAILS, () => string][] = [
    ["a client's token against another client", "client", () => harbor],
    ["a consultant against an unassigned client", "consultant", () => harbor],
    ["another firm's manager", "other", () => rosa],
    ["a firm's manager against another firm's client", "manager", () => otherFirmClient],
  ];
  for (const [name, who, target] of cases) {
    it(name, async () => {
      const id = target();
      const before = await checkInCount(id);
      const t = tokens[who];
      const answers = await Promise.all([
        call(database, getClientEndpoint, { path: `/api/v1/clients/${id}`, params: { id }, token: t }),
        call(database, listCheckInsEndpoint, { path: `/api/v1/clients/${id}/checkins`, params: { id }, token: t }),
        call(database, stagesEndpoint, { path: `/api/v1/clients/${id}/stages`, params: { id }, token: t }),
        call(database, exportEndpoint, { path: `/api/v1/export?client=${id}`, token: t }),
        call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${id}/checkins`, params: { id }, token: t, json: VALID_CHECKIN }),
      ]);
      for (const a of answers) {
        expect(a.status).toBe(404);
        expect(a.body.error.code).toBe("not_found");
      }
      expect(await checkInCount(id)).toBe(before);
    });
  }

  it("the owner still gets in", async () => {
    for (const [who, id] of [["client", rosa], ["consultant", rosa], ["client2", harbor], ["consultant2", harbor], ["manager", rosa]] as const) {
      const res = await call(database, getClientEndpoint, { path: `/api/v1/clients/${id}`, params: { id }, token: tokens[who] });
      expect(res.status, who).toBe(200);
      expect(res.body.id).toBe(id);
    }
  });

  it("unknown and malformed ids are 404, not 500", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      expect((await call(database, getClientEndpoint, { path: `/api/v1/clients/${id}`, params: { id }, token: tokens.manager })).status).toBe(404);
      expect((await call(database, updateCheckInEndpoint, { method: "PATCH", path: `/api/v1/checkins/${id}`, params: { id }, token: tokens.manager, headers: { "if-match": "1" }, json: {} })).status).toBe(404);
    }
  });
});

describe("POST /clients", () => {
  it("a consultant creates a client they lead; a duplicate name is 409", async () => {
    const res = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.consultant, json: { name: "API Cafe", industry: "Cafe" } });
    expect(res.status).toBe(201);
    expect(res.body.consultantId).toBe(actors.consultant.id);
    expect(res.headers.get("location")).toBe(`/api/v1/clients/${res.body.id}`);
    const dupe = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.consultant, json: { name: "api cafe" } });
    expect(dupe.status).toBe(409);
    expect(dupe.body.error.code).toBe("duplicate");
  });

  it("the list finds a client by part of its name or by its whole name, folding case as the database does", async () => {
    const made = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.consultant, json: { name: "École Ürban Café" } });
    expect(made.status).toBe(201);
    const list = async (query: string, token = tokens.consultant) => (await call(database, listClientsEndpoint, { path: `/api/v1/clients?${query}`, token })).body.data.map((c: { id: string }) => c.id);
    // Upper-case letters of any script in the search, as the stored name has them.
    expect(await list(`q=${encodeURIComponent("ÉCOLE ÜRBAN")}`)).toEqual([made.body.id]);
    expect(await list(`name=${encodeURIComponent("école ürban CAFÉ")}`)).toEqual(await list(`q=${encodeURIComponent("École Ürban Café")}`));
    expect(await list(`name=${encodeURIComponent("ÉCOLE ÜRBAN CAFÉ")}`)).toEqual([made.body.id]);
    // The whole name only: a part of it finds nothing, and neither does another firm's manager.
    expect(await list(`name=${encodeURIComponent("École Ürban")}`)).toEqual([]);
    expect(await list(`name=${encodeURIComponent("École Ürban Café")}`, tokens.other)).toEqual([]);
  });

  it("a manager must name a consultant of the firm; a client user gets 404", async () => {
    const none = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.manager, json: { name: "Mgr Co" } });
    expect(none.status).toBe(422);
    expect(none.body.error.details[0].column).toBe("consultantId");
    const foreign = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.other, json: { name: "Mgr Co", consultantId: actors.consultant.id } });
    expect(foreign.status).toBe(422);
    const ok = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.manager, json: { name: "Mgr Co", consultantId: actors.consultant2.id } });
    expect(ok.status).toBe(201);
    expect(ok.body.consultantId).toBe(actors.consultant2.id);
    const client = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: tokens.client, json: { name: "Sneaky" } });
    expect(client.status).toBe(404);
    const [row] = await database.db.select().from(clients).where(eq(clients.name, "Sneaky"));
    expect(row).toBeUndefined();
  });
});

describe("check-ins", () => {
  it("lists oldest first with cursor pagination, each with its stage", async () => {
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(database, listCheckInsEndpoint, { path: `/api/v1/clients/${rosa}/checkins?limit=3${cursor ? `&cursor=${cursor}` : ""}`, params: { id: rosa }, token: tokens.client });
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(await checkInCount(rosa));
    const dates = seen.map((c) => c.fields.date);
    expect([...dates].sort()).toEqual(dates);
    expect(seen.every((c) => c.assessment && c.assessment.stage >= 1 && c.assessment.stage <= 6)).toBe(true);
  });

  it("a consultant and a manager create check-ins; a client user cannot (404)", async () => {
    for (const who of ["consultant", "manager"] as const) {
      const res = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens[who], json: { ...VALID_CHECKIN, notes: `by ${who}` } });
      expect(res.status, who).toBe(201);
      expect(res.body.checkIn.fields.notes).toBe(`by ${who}`);
      expect(res.body.checkIn.fields.consultant).toBe(EMAILS[who]);
      expect([1, 2, 3, 4, 5, 6]).toContain(res.body.checkIn.assessment.stage);
      expect([1, 2, 3, 4, 5, 6]).toContain(res.body.stageAfter);
    }
    const client = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.client, json: VALID_CHECKIN });
    expect(client.status).toBe(404);
  });

  it("answers 422 naming the bad field, 400 for bad JSON, 415 for a wrong type, 413 when too large", async () => {
    const before = await checkInCount(rosa);
    const post = (o: Partial<Parameters<typeof call>[2]>) =>
      call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, ...o });
    const bad = await post({ json: { ...VALID_CHECKIN, rhythm: "weekly", client: "x" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([
        { column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' },
        { column: "client", message: 'unknown column "client"' },
      ]),
    );
    const malformed = await post({ body: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("malformed_json");
    const wrongType = await post({ body: JSON.stringify(VALID_CHECKIN), headers: { "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);
    const noType = await post({ body: JSON.stringify(VALID_CHECKIN) });
    expect(noType.status).toBe(415);
    const declared = await post({ body: "{}", headers: { "content-type": "application/json", "content-length": String(MAX_UPLOAD_BYTES + 1) } });
    expect(declared.status).toBe(413);
    // No Content-Length (a chunked stream): the cap applies while reading.
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < MAX_UPLOAD_BYTES / chunk.byteLength + 2) c.enqueue(chunk);
        else c.close();
      },
    });
    const streamed = await post({ body: stream, headers: { "content-type": "application/json" } });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe("payload_too_large");
    expect(sent).toBeLessThanOrEqual(MAX_UPLOAD_BYTES / chunk.byteLength + 3);
    expect(await checkInCount(rosa)).toBe(before);
  });

  it("20 parallel identical requests with one Idempotency-Key create one check-in", async () => {
    const before = await checkInCount(rosa);
    const key = `idem-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, headers: { "idempotency-key": key }, json: { ...VALID_CHECKIN, notes: key } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.checkIn.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get("idempotency-replayed") === "true")).toHaveLength(19);
    expect(await checkInCount(rosa)).toBe(before + 1);
  });

  it("a create or an edit answers with the check-in as a read gives it, its assessment as stored; a replayed create too", async () => {
    const listed = async (id: string) => {
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const res = await call(database, listCheckInsEndpoint, { path: `/api/v1/clients/${rosa}/checkins?limit=100${cursor ? `&cursor=${cursor}` : ""}`, params: { id: rosa }, token: tokens.consultant });
        seen.push(...res.body.data);
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen.find((c) => c.id === id);
    };
    // Dated before the latest check-ins, so the write rewrites a tail of several assessments.
    const json = { ...VALID_CHECKIN, date: "2026-01-03", posts_last_30d: 7, notes: "answer = read" };
    const headers = { "idempotency-key": `answer-${Date.now()}` };
    const created = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, headers, json });
    expect(created.status).toBe(201);
    const id = created.body.checkIn.id as string;
    expect(created.body.checkIn.assessment).not.toBeNull();
    expect(created.body.checkIn).toEqual(await listed(id));
    const replayed = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, headers, json });
    expect(replayed.headers.get("idempotency-replayed")).toBe("true");
    expect(replayed.body.checkIn).toEqual(created.body.checkIn);
    const edited = await call(database, updateCheckInEndpoint, { method: "PATCH", path: `/api/v1/checkins/${id}`, params: { id }, token: tokens.consultant, headers: { "if-match": "1" }, json: { date: "2026-02-11", automated_share: 0.9 } });
    expect(edited.status).toBe(200);
    expect(edited.body.checkIn).toEqual(await listed(id));
  });

  it("PATCH needs If-Match, applies to the current version only, and changes just the given fields", async () => {
    const created = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, json: VALID_CHECKIN });
    const id = created.body.checkIn.id as string;
    const patch = (headers: Record<string, string>, json: unknown, token = tokens.consultant) =>
      call(database, updateCheckInEndpoint, { method: "PATCH", path: `/api/v1/checkins/${id}`, params: { id }, token, headers, json });
    const missing = await patch({}, { posts_last_30d: 20 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("missing_if_match");
    const ok = await patch({ "if-match": '"1"' }, { posts_last_30d: 20 });
    expect(ok.status).toBe(200);
    expect(ok.body.checkIn.version).toBe(2);
    expect(ok.body.checkIn.fields.posts_last_30d).toBe(20);
    expect(ok.body.checkIn.fields.rhythm).toBe("scheduled");
    expect(ok.headers.get("etag")).toBe('"2"');
    const staleRes = await patch({ "if-match": "1" }, { posts_last_30d: 30 });
    expect(staleRes.status).toBe(409);
    expect(staleRes.body.error.code).toBe("stale_version");
    const invalid = await patch({ "if-match": "2" }, { rhythm: "weekly" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].column).toBe("rhythm");
    const client = await patch({ "if-match": "2" }, { posts_last_30d: 1 }, tokens.client);
    expect(client.status).toBe(404);
    const [row] = await database.db.select().from(checkIns).where(eq(checkIns.id, id));
    expect(row!.postsLast30d).toBe(20);
    expect(row!.version).toBe(2);
  });

  it("DELETE needs the current version; then the check-in is gone", async () => {
    const created = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token: tokens.consultant, json: VALID_CHECKIN });
    const id = created.body.checkIn.id as string;
    const del = (headers: Record<string, string>, token = tokens.consultant) => call(database, deleteCheckInEndpoint, { method: "DELETE", path: `/api/v1/checkins/${id}`, params: { id }, token, headers });
    expect((await del({})).status).toBe(400);
    expect((await del({ "if-match": "1" }, tokens.consultant2)).status).toBe(404);
    expect((await del({ "if-match": "7" })).status).toBe(409);
    const ok = await del({ "if-match": "1" });
    expect(ok.status).toBe(200);
    expect(ok.body.deleted).toBe(true);
    expect((await del({ "if-match": "1" })).status).toBe(404);
  });
});

describe("GET /clients/{id}/stages", () => {
  it("has the stages command's shape plus overrides; a client user does not see internal ones", async () => {
    await createOverride(database.db, actors.consultant, rosa, { stage: 5, reason: "internal view", internal: true, effectiveDate: "2026-10-02" });
    await createOverride(database.db, actors.consultant, rosa, { stage: 4, reason: "shared view", internal: false, effectiveDate: "2026-10-03" });
    const res = await call(database, stagesEndpoint, { path: `/api/v1/clients/${rosa}/stages`, params: { id: rosa }, token: tokens.consultant });
    expect(res.status).toBe(200);
    expect(res.body.client).toBe("Rosa's Bakery");
    expect(res.body.history.length).toBe(await checkInCount(rosa));
    expect(Object.keys(res.body.history[0]).sort()).toEqual(["confidence", "date", "missing", "reasons", "stage"]);
    expect(res.body.overrides.map((o: any) => o.reason)).toEqual(["shared view", "internal view"]);
    const mine = await call(database, stagesEndpoint, { path: `/api/v1/clients/${rosa}/stages`, params: { id: rosa }, token: tokens.client });
    expect(mine.body.overrides.map((o: any) => o.reason)).toEqual(["shared view"]);
  });
});

describe("import and export", () => {
  const header = "client,date,posts_last_30d,rhythm,replies,results";
  it("a CSV with one bad line writes nothing and names the line and column (422)", async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins`);
    const csv = `${header}\nImport Shop,2026-09-01,3,sporadic,none,none\nImport Shop,2026-10-01,5,weekly,none,none\n`;
    const res = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, body: csv, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ line: 3, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' }]);
    const after = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from check_ins`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [shop] = await database.db.select().from(clients).where(eq(clients.name, "Import Shop"));
    expect(shop).toBeUndefined();
  });

  it("a good CSV and a good JSON import; a repeat skips duplicates; wrong type 415; a client user 404", async () => {
    const csv = `${header}\nImport Shop,2026-09-01,3,sporadic,none,none\nImport Shop,2026-10-01,5,scheduled,some,some\n`;
    const res = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, body: csv, headers: { "content-type": "text/csv; charset=utf-8" } });
    expect(res.status).toBe(200);
    expect(res.body.createdCheckIns).toBe(2);
    expect(res.body.createdClients.map((c: any) => c.name)).toEqual(["Import Shop"]);
    const again = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, body: csv, headers: { "content-type": "text/csv" } });
    expect(again.body).toMatchObject({ createdCheckIns: 0, skippedDuplicates: 2 });
    const jsonRes = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, json: [{ client: "Import Shop", date: "2026-11-01", posts_last_30d: 9, rhythm: "scheduled", replies: "some", results: "some" }] });
    expect(jsonRes.status).toBe(200);
    expect(jsonRes.body.createdCheckIns).toBe(1);
    const badJson = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, json: [{ client: "Import Shop", date: "2026-11-01" }] });
    expect(badJson.status).toBe(422);
    expect(badJson.body.error.details[0].index).toBe(0);
    const xml = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.consultant, body: "<x/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    const client = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: tokens.client, body: csv, headers: { "content-type": "text/csv" } });
    expect(client.status).toBe(404);
  });

  it("exports the visible check-ins as CSV or JSON, optionally for one client", async () => {
    const csv = await call(database, exportEndpoint, { path: `/api/v1/export?format=csv&client=${rosa}`, token: tokens.consultant });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\n")[0]).toMatch(/^client,date,consultant,/);
    expect(csv.text.trim().split("\n").length - 1).toBe(await checkInCount(rosa));
    const json = await call(database, exportEndpoint, { path: "/api/v1/export?format=json", token: tokens.consultant2 });
    expect(json.status).toBe(200);
    expect(json.body.some((r: any) => r.client === "Harbor Bikes")).toBe(true);
    expect(json.body.some((r: any) => r.client === "Rosa's Bakery")).toBe(false);
    expect((await call(database, exportEndpoint, { path: "/api/v1/export?format=xml", token: tokens.consultant })).status).toBe(400);
  });
});

describe("GET /portfolio", () => {
  it("answers managers only", async () => {
    const m = await call(database, portfolioEndpoint, { path: "/api/v1/portfolio", token: tokens.manager });
    expect(m.status).toBe(200);
    expect(m.body.totalClients).toBeGreaterThanOrEqual(42);
    expect(m.body.distribution.length).toBeGreaterThan(0);
    const o = await call(database, portfolioEndpoint, { path: "/api/v1/portfolio", token: tokens.other });
    expect(o.body.totalClients).toBe(3);
    for (const who of ["consultant", "client"] as const) {
      expect((await call(database, portfolioEndpoint, { path: "/api/v1/portfolio", token: tokens[who] })).status).toBe(404);
    }
  });
});

describe("rate limits", () => {
  it("per token, counted in the database, answer 429 with Retry-After", async () => {
    const t = await tokenFor(database, EMAILS.consultant);
    const deps = { limits: { windowSeconds: 60, perToken: 3, perIp: 1000 } };
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await call(database, listClientsEndpoint, { path: "/api/v1/clients", token: t, deps });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(last!.body.error.code).toBe("rate_limited");
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(t)));
    const counters = await database.db.select().from(rateLimits).where(eq(rateLimits.key, `token:${row!.id}`));
    expect(counters.reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  it("a refused token's requests count against the address, and never against the token", async () => {
    const deps = { limits: { windowSeconds: 60, perToken: 1000, perIp: 1000 } };
    const revoked = await tokenFor(database, EMAILS.consultant);
    const expired = await tokenFor(database, EMAILS.consultant);
    const [r] = await database.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.tokenHash, hashToken(revoked))).returning({ id: apiTokens.id });
    const [e] = await database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.tokenHash, hashToken(expired))).returning({ id: apiTokens.id });
    const headers = { "x-forwarded-for": "203.0.113.44" };
    const statuses = [];
    for (const token of [revoked, expired, revoked]) statuses.push((await call(database, listClientsEndpoint, { path: "/api/v1/clients", token, headers, deps })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const tokenCounters = await database.db.select().from(rateLimits).where(inArray(rateLimits.key, [`token:${r!.id}`, `token:${e!.id}`]));
    expect(tokenCounters).toEqual([]);
    const [ip] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, "ip:203.0.113.44"));
    expect(ip!.count).toBe(3);
  });

  it("per IP for requests without valid credentials", async () => {
    const deps = { limits: { windowSeconds: 60, perToken: 1000, perIp: 2 } };
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(database, listClientsEndpoint, { path: "/api/v1/clients", headers, deps })).status);
    expect(statuses).toEqual([401, 401, 429]);
    const other = await call(database, listClientsEndpoint, { path: "/api/v1/clients", headers: { "x-forwarded-for": "203.0.113.10" }, deps });
    expect(other.status).toBe(401);
    const counters = await database.db.select().from(rateLimits).where(and(eq(rateLimits.key, "ip:203.0.113.9")));
    expect(counters[0]!.count).toBe(3);
  });
});
