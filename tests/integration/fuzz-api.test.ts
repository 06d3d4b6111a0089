import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Database } from "@/db";
import { seedDemo } from "@/db/seed";
import { createCheckIn } from "@/db/queries/checkins";
import { listClientsEndpoint, getClientEndpoint, createClientEndpoint } from "@/lib/api/handlers/clients";
import { listCheckInsEndpoint, createCheckInEndpoint, updateCheckInEndpoint, deleteCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { stagesEndpoint } from "@/lib/api/handlers/stages";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import { timeInStageEndpoint } from "@/lib/api/handlers/insight-survival";
import { outlookEndpoint } from "@/lib/api/handlers/insight-outlook";
import { createTokenEndpoint, revokeTokenEndpoint } from "@/lib/api/handlers/tokens";
import { importEndpoint, exportEndpoint } from "@/lib/api/handlers/transfer";
import type { Endpoint } from "@/lib/api/endpoint";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { actorOf, call, isErrorShape, tokenFor, VALID_CHECKIN } from "./api/helpers";

// Arbitrary input thrown at every API endpoint: no answer may be a 5xx, and every error keeps
// the one error shape. `npm run fuzz` runs 10,000 cases; CI runs FUZZ_RUNS (500 by default).
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let database: Database;
const tokens: Record<string, string> = {};
const sessions: Record<string, Actor> = {};
let clientId = "";
let checkInId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-06-30" });
  for (const [role, email] of Object.entries({
    manager: "manager@example.com",
    consultant: "consultant@example.com",
    client: "client@example.com",
    other: "other-manager@example.org",
  })) {
    tokens[role] = await tokenFor(database, email);
    sessions[role] = await actorOf(database, email);
  }
  const list = await call(database, listClientsEndpoint, { path: "/api/v1/clients?limit=5", token: tokens.consultant });
  clientId = list.body.data[0].id;
  const created = await createCheckIn(database.db, sessions.consultant!, clientId, {
    date: "2026-06-01", consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 4, rhythm: "sporadic", automatedShare: 0,
    replies: "some", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "hopeful", followers: null, notes: null,
  });
  checkInId = created!.checkIn.id;
}, 180_000);
afterAll(() => database?.close());

const ENDPOINTS: [string, string, Endpoint][] = [
  ["GET", "/api/v1/clients", listClientsEndpoint],
  ["POST", "/api/v1/clients", createClientEndpoint],
  ["GET", "/api/v1/clients/{id}", getClientEndpoint],
  ["GET", "/api/v1/clients/{id}/checkins", listCheckInsEndpoint],
  ["POST", "/api/v1/clients/{id}/checkins", createCheckInEndpoint],
  ["GET", "/api/v1/clients/{id}/stages", stagesEndpoint],
  ["PATCH", "/api/v1/checkins/{id}", updateCheckInEndpoint],
  ["DELETE", "/api/v1/checkins/{id}", deleteCheckInEndpoint],
  ["GET", "/api/v1/portfolio", portfolioEndpoint],
  ["GET", "/api/v1/portfolio/time-in-stage", timeInStageEndpoint],
  ["GET", "/api/v1/clients/{id}/outlook", outlookEndpoint],
  ["POST", "/api/v1/tokens", createTokenEndpoint],
  ["DELETE", "/api/v1/tokens/{id}", revokeTokenEndpoint],
  ["POST", "/api/v1/import", importEndpoint],
  ["GET", "/api/v1/export", exportEndpoint],
];

// Text that has broken servers before: NUL, lone surrogates, huge numbers, formula starts.
const nasty = fc.constantFrom(
  "\u0000", "a\u0000b", "\ud800", "x\udfffy", "99999999999999999999", "-1", "1e309", "NaN", "=cmd|' /C calc'!A0", "", " ",
  "2026-02-30", "0000-00-00", "9999-12-31", "1000-01-01", "../../etc/passwd", "' or 1=1 --", "%", "_", "\\", "🙂".repeat(300),
);
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), nasty, fc.string({ maxLength: 10 }));
const QUERY_KEYS = ["limit", "cursor", "q", "stage", "from", "to", "format", "client", "consultant", "consultantId", "industry", "dryRun", "include"];
const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), text, { maxKeys: 4 });
const FIELDS = Object.keys(VALID_CHECKIN).concat(["followers", "automated_share", "mention_response_hours", "attitude", "advocacy", "promotion", "accounts_since", "consultant", "client", "name", "industry", "expiresInDays"]);
const mutatedCheckIn = fc
  .dictionary(fc.constantFrom(...FIELDS), fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 })), { maxKeys: 4 })
  .map((changes) => ({ ...VALID_CHECKIN, ...changes }));
const deepJson = fc.integer({ min: 1, max: 200_000 }).map((n) => "[".repeat(n) + "]".repeat(n));
const body = fc.oneof(
  { weight: 4, arbitrary: mutatedCheckIn.map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.array(mutatedCheckIn.map((v) => ({ client: "Rosa's Bakery", ...v })), { maxLength: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.array(fc.array(text, { maxLength: 17 }), { maxLength: 4 }).map((rows) => ["client,date,posts_last_30d,rhythm,replies,results", ...rows.map((r) => r.join(","))].join("\n")) },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const contentType = fc.constantFrom("application/json", "text/csv", "multipart/form-data; boundary=x", "text/plain", "application/json; charset=latin1", undefined);
const who = fc.constantFrom("manager", "consultant", "client", "other", "none", "garbage", "session-manager", "session-client");

const request = fc.record({
  endpoint: fc.integer({ min: 0, max: ENDPOINTS.length - 1 }),
  id: fc.oneof(fc.constant("client"), fc.constant("checkin"), fc.uuid(), text),
  query,
  body,
  contentType,
  who,
  ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', "W/\"1\"", "1"), text), { nil: undefined }),
  idempotencyKey: fc.option(text, { nil: undefined }),
});

describe("API fuzzing", () => {
  it(`answers ${RUNS} arbitrary requests without a single 5xx`, async () => {
    const failures: string[] = [];
    const result = await fc.check(
      fc.asyncProperty(request, async (r) => {
        const [method, template, ep] = ENDPOINTS[r.endpoint]!;
        const id = r.id === "client" ? clientId : r.id === "checkin" ? checkInId : r.id;
        const qs = new URLSearchParams(r.query).toString();
        const path = template.replace("{id}", encodeURIComponent(Buffer.from(id, "utf8").toString("utf8"))) + (qs ? `?${qs}` : "");
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.ifMatch !== undefined && /^[\x20-\x7e]*$/.test(r.ifMatch)) headers["if-match"] = r.ifMatch;
        if (r.idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(r.idempotencyKey)) headers["idempotency-key"] = r.idempotencyKey;
        const token = r.who === "garbage" ? "sl_garbage" : tokens[r.who];
        const session = r.who.startsWith("session-") ? sessions[r.who.slice(8)] : null;
        const res = await call(database, ep, {
          method,
          path,
          params: { id },
          token,
          session,
          body: method === "GET" || method === "DELETE" ? undefined : r.body,
          headers: { ...headers, ...(session ? { origin: "http://stageline.test" } : {}) },
        });
        if (res.status >= 500 || (res.status >= 400 && !isErrorShape(res.body))) {
          const sent = r.body === undefined ? "no body" : `body ${JSON.stringify(r.body.slice(0, 80))}${r.body.length > 80 ? ` (${r.body.length} chars)` : ""}`;
          failures.push(`${method} ${path.slice(0, 120)} as ${r.who} with ${sent}: ${res.status} ${res.text.slice(0, 150)}`);
          return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // fast-check's own report would print a 200,000-character body; name the request instead.
    const seed = `seed ${result.seed}, path ${result.counterexamplePath ?? "-"}`;
    expect(failures.map((f) => f.slice(0, 300)), seed).toEqual([]);
    expect(result.failed, `${seed}: ${String(result.errorInstance ?? "").slice(0, 300)}`).toBe(false);
  }, 1_800_000);
});
