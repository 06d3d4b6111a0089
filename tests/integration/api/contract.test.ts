// The API's contract: arbitrary JSON never gets a 500, and the OpenAPI document is valid
// and lists every route under app/api/v1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { Database } from "@/db";
import { seedDemo } from "@/db/seed";
import { createCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { openApiDocument } from "@/lib/api/openapi";
import { createTestDatabase } from "../db";
import { actorOf, call, isErrorShape, tokenFor, VALID_CHECKIN } from "./helpers";

let database: Database;
let token: string;
let rosa: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  token = await tokenFor(database, "consultant@example.com");
  rosa = (await actorOf(database, "client@example.com")).clientId!;
});
afterAll(async () => database?.close());

const nearlyValid = fc.record(
  {
    date: fc.oneof(fc.constant("2026-01-15"), fc.constant("2999-01-01"), fc.string(), fc.integer()),
    posts_last_30d: fc.oneof(fc.integer({ min: -5, max: 20000 }), fc.string(), fc.double()),
    rhythm: fc.oneof(fc.constantFrom("none", "sporadic", "scheduled", "SCHEDULED", "weekly"), fc.jsonValue()),
    replies: fc.constantFrom("none", "some", "consistent", "", "lots"),
    results: fc.constantFrom("none", "some", "clear"),
    accounts: fc.oneof(fc.array(fc.constantFrom("facebook", "x", "blog", "myspace")), fc.string(), fc.jsonValue()),
    automated_share: fc.oneof(fc.double(), fc.string()),
    notes: fc.oneof(fc.string(), fc.jsonValue()),
    followers: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
  },
  { requiredKeys: [] },
);

describe("POST /clients/{id}/checkins under arbitrary JSON", () => {
  it("always answers 201, 400 or 422 with the error shape, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearlyValid, fc.constant(VALID_CHECKIN)), async (value) => {
        const res = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token, json: value });
        expect([201, 400, 422]).toContain(res.status);
        if (res.status === 201) expect(res.body.checkIn.id).toMatch(/^[0-9a-f-]{36}$/);
        else expect(isErrorShape(res.body)).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it("raw bytes that are not JSON get 400, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const res = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${rosa}/checkins`, params: { id: rosa }, token, body: text, headers: { "content-type": "application/json" } });
        expect([201, 400, 422]).toContain(res.status);
        if (res.status !== 201) expect(isErrorShape(res.body)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route file under app/api/v1 with each method it exports", () => {
    const root = path.resolve(import.meta.dirname, "../../../app/api/v1");
    const doc = openApiDocument();
    const files = routeFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(10);
    let checked = 0;
    for (const file of files) {
      const rel = path.relative(root, path.dirname(file)).split(path.sep);
      // The catch-all only turns unknown paths into JSON 404s; it is not an endpoint.
      if (rel.some((s) => s.startsWith("[..."))) continue;
      const apiPath = "/api/v1/" + rel.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      const methods = [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      expect(methods.length, file).toBeGreaterThan(0);
      const item = (doc.paths as Record<string, Record<string, unknown>>)[apiPath.replace(/\/$/, "")];
      expect(item, `${apiPath} is missing from the OpenAPI document`).toBeDefined();
      for (const m of methods) {
        expect(item![m], `${m.toUpperCase()} ${apiPath} is missing from the OpenAPI document`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  });
});
