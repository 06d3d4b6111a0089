// One transfer stack: the app's /import/preview, /import/run and /export routes and the public
// /api/v1/import and /api/v1/export run the same handlers, so the same bad file, oversize body
// or cross-site request gets the same status and the same error body, whichever door it used.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { seedDemo } from "@/db/seed";
import { MAX_UPLOAD_BYTES } from "@/lib/api/body";
import { MAX_LISTED_DETAILS } from "@/lib/api/errors";
import type { Endpoint } from "@/lib/api/endpoint";
import { appExportEndpoint, appImportPreviewEndpoint, appImportRunEndpoint, exportEndpoint, importEndpoint } from "@/lib/api/handlers/transfer";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase, tableCounts } from "./db";
import { actorOf, call, isErrorShape, tokenFor, type CallOptions } from "./api/helpers";

let database: Database;
let priya: Actor, manager: Actor, clientUser: Actor, tom: Actor;
let priyaToken: string;

const HEADER = "client,date,posts_last_30d,rhythm,replies,results";
const BAD_CSV = `${HEADER}\nStack Shop,2026-09-01,3,sporadic,none,none\nStack Shop,2026-10-01,5,weekly,none,none\n`;
const GOOD_CSV = `${HEADER}\nStack Shop,2026-09-01,3,sporadic,none,none\nStack Shop,2026-10-01,5,scheduled,some,some\nrosa's bakery,2026-10-02,4,sporadic,none,none\n`;

const counts = () => tableCounts(database.db);

function form(csv: string, fields: Record<string, string> = {}, name = "check-ins.csv"): FormData {
  const f = new FormData();
  f.set("file", new File([csv], name, { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** The app's wizard: a same-origin multipart POST with the session cookie. */
const app = (ep: Endpoint, body: BodyInit, o: Partial<CallOptions> = {}) =>
  call(database, ep, { method: "POST", path: "/import/x", session: priya, body, ...o, headers: { origin: "http://stageline.test", ...o.headers } });
/** An API client: a bearer token and the CSV as the body. */
const api = (body: BodyInit, o: Partial<CallOptions> = {}) =>
  call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, body, ...o, headers: { ...(body instanceof FormData ? {} : { "content-type": "text/csv" }), ...o.headers } });

/** A body of more than the limit that never says its length, counting how many chunks were pulled. */
function endless(prefix = ""): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent === 0 && prefix) c.enqueue(new TextEncoder().encode(prefix));
      if (sent++ < MAX_UPLOAD_BYTES / chunk.byteLength + 4) c.enqueue(chunk);
      else c.close();
    },
  });
  return { stream, pulled: () => sent };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  [priya, manager, clientUser, tom] = await Promise.all(
    ["consultant@example.com", "manager@example.com", "client@example.com", "consultant2@example.com"].map((e) => actorOf(database, e)),
  );
  priyaToken = await tokenFor(database, "consultant@example.com");
});
afterAll(async () => database?.close());

describe("the app's routes are the API's handlers", () => {
  it("the route files are one line over the shared handlers", () => {
    const src = (p: string) => readFileSync(path.resolve(import.meta.dirname, "../..", p), "utf8");
    expect(src("app/(dashboard)/import/preview/route.ts")).toMatch(/POST = route\(appImportPreviewEndpoint\)/);
    expect(src("app/(dashboard)/import/run/route.ts")).toMatch(/POST = route\(appImportRunEndpoint\)/);
    expect(src("app/(dashboard)/export/route.ts")).toMatch(/GET = route\(appExportEndpoint(, \{ read: true \})?\)/);
    expect(src("app/api/v1/import/route.ts")).toMatch(/POST = route\(importEndpoint\)/);
    expect(src("app/api/v1/export/route.ts")).toMatch(/GET = route\(exportEndpoint(, \{ read: true \})?\)/);
  });
});

describe("the same bad input gets the same answer everywhere", () => {
  it("a file with a bad line: 422 validation_failed naming line and column, identical from the API (CSV body or form) and the app (preview and run)", async () => {
    const before = await counts();
    const answers = [
      await api(BAD_CSV),
      await api(form(BAD_CSV)),
      await api(BAD_CSV, { path: "/api/v1/import?dryRun=1" }),
      await app(appImportPreviewEndpoint, form(BAD_CSV)),
      await app(appImportRunEndpoint, form(BAD_CSV)),
      await app(appImportRunEndpoint, form(BAD_CSV), { headers: { accept: "application/x-ndjson" } }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(422);
      expect(isErrorShape(a.body)).toBe(true);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error).toEqual({
      code: "validation_failed",
      message: "The file has 1 problem(s); nothing was imported.",
      details: [{ line: 3, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' }],
    });
    expect(await counts()).toEqual(before);
  });

  it(`lists the first ${MAX_LISTED_DETAILS} problems and counts them all`, async () => {
    const lines = Array.from({ length: 600 }, (_, i) => `Many Errors,2026-01-${String((i % 28) + 1).padStart(2, "0")},1,weekly,none,none`);
    const csv = `${HEADER}\n${lines.join("\n")}\n`;
    const fromApi = await api(csv);
    const fromApp = await app(appImportPreviewEndpoint, form(csv));
    for (const a of [fromApi, fromApp]) {
      expect(a.status).toBe(422);
      expect(a.body.error.details).toHaveLength(MAX_LISTED_DETAILS);
      expect(a.body.error.totalDetails).toBe(600);
      expect(a.body.error.details[0]).toEqual({ line: 2, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' });
    }
    expect(fromApp.body).toEqual(fromApi.body);
  });

  it("a chunked body over the one limit, without Content-Length, stops with 413 while streaming: CSV, JSON and multipart alike", async () => {
    const boundary = "----stageline-test";
    const multipartHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}\n`;
    const cases: [string, () => Promise<{ status: number; body: any }>, () => number][] = [];
    const add = (name: string, run: (s: ReadableStream<Uint8Array>) => Promise<{ status: number; body: any }>, prefix = "") => {
      const e = endless(prefix);
      cases.push([name, () => run(e.stream), e.pulled]);
    };
    add("API CSV", (s) => api(s));
    add("API JSON", (s) => api(s, { headers: { "content-type": "application/json" } }));
    add("API form", (s) => api(s, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } }), multipartHead);
    add("app preview", (s) => app(appImportPreviewEndpoint, s, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } }), multipartHead);
    add("app run", (s) => app(appImportRunEndpoint, s, { headers: { "content-type": `multipart/form-data; boundary=${boundary}` } }), multipartHead);
    const bodies: unknown[] = [];
    for (const [name, run, pulled] of cases) {
      const res = await run();
      expect(res.status, name).toBe(413);
      expect(res.body.error.code, name).toBe("payload_too_large");
      // Reading stopped at the limit: the rest of the stream was never pulled.
      expect(pulled(), name).toBeLessThanOrEqual(MAX_UPLOAD_BYTES / (1024 * 1024) + 3);
      bodies.push(res.body);
    }
    for (const b of bodies) expect(b).toEqual(bodies[0]);
  });

  it("a declared Content-Length over the limit is refused before reading, on both doors", async () => {
    const headers = { "content-length": String(MAX_UPLOAD_BYTES + 1) };
    const a = await api(GOOD_CSV, { headers });
    const b = await app(appImportPreviewEndpoint, GOOD_CSV, { headers: { ...headers, "content-type": "multipart/form-data; boundary=x" } });
    expect(a.status).toBe(413);
    expect(b.status).toBe(413);
    expect(b.body).toEqual(a.body);
  });

  it("a form with extra files or too many fields is refused with 413, not buffered", async () => {
    const twoFiles = form(GOOD_CSV);
    twoFiles.append("file", new File([GOOD_CSV], "second.csv", { type: "text/csv" }));
    const manyFields = form(GOOD_CSV, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, "x"])));
    const longField = form(GOOD_CSV, { consultantId: "x".repeat(5000) });
    for (const body of [twoFiles, manyFields, longField]) {
      const fromApp = await app(appImportPreviewEndpoint, body);
      expect(fromApp.status).toBe(413);
      expect(fromApp.body.error.code).toBe("payload_too_large");
    }
    const noFile = new FormData();
    noFile.set("consultantId", "");
    const missing = await app(appImportPreviewEndpoint, noFile);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ column: "file", message: "required" }]);
  });

  it("a cross-site request with the session cookie is refused the same way on every route; a token needs no Origin check", async () => {
    const foreign = { origin: "https://evil.example" };
    const answers = [
      await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", session: priya, body: GOOD_CSV, headers: { ...foreign, "content-type": "text/csv" } }),
      await app(appImportPreviewEndpoint, form(GOOD_CSV), { headers: foreign }),
      await app(appImportRunEndpoint, form(GOOD_CSV), { headers: foreign }),
      await app(appImportPreviewEndpoint, form(GOOD_CSV), { headers: { origin: "http://stageline.test", "sec-fetch-site": "cross-site" } }),
      await call(database, appExportEndpoint, { path: "/export?format=csv", session: priya, headers: { "sec-fetch-site": "cross-site" } }),
      await call(database, exportEndpoint, { path: "/api/v1/export?format=csv", session: priya, headers: { "sec-fetch-site": "cross-site" } }),
      // A spoofed X-Forwarded-Host does not make a foreign Origin ours (TRUST_PROXY is not set).
      await app(appImportPreviewEndpoint, form(GOOD_CSV), { headers: { ...foreign, "x-forwarded-host": "evil.example" } }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.code).toBe("cross_origin");
    const withToken = await api(GOOD_CSV, { path: "/api/v1/import?dryRun=1", headers: foreign });
    expect(withToken.status).toBe(200);
  });

  it("the app's routes take the session only: a token there is refused", async () => {
    const res = await app(appImportPreviewEndpoint, form(GOOD_CSV), { session: null, token: priyaToken });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
    const signedOut = await app(appImportPreviewEndpoint, form(GOOD_CSV), { session: null });
    expect(signedOut.status).toBe(401);
  });

  it("who may not import gets 404 from both doors, before the upload is read", async () => {
    const clientToken = await tokenFor(database, "client@example.com");
    const a = await api(GOOD_CSV, { token: clientToken });
    const b = await app(appImportPreviewEndpoint, form(GOOD_CSV), { session: clientUser });
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(b.body).toEqual(a.body);
  });
});

describe("preview, then run", () => {
  it("a preview (the app's route or ?dryRun=1) says what would happen and writes nothing", async () => {
    const before = await counts();
    const fromApp = await app(appImportPreviewEndpoint, form(GOOD_CSV));
    const fromApi = await api(GOOD_CSV, { path: "/api/v1/import?dryRun=1" });
    const fromApiForm = await api(form(GOOD_CSV), { path: "/api/v1/import?dryRun=true" });
    expect(await counts()).toEqual(before);
    expect(fromApp.status).toBe(200);
    expect(fromApp.body).toMatchObject({
      ok: true, fileName: "check-ins.csv", format: "csv", records: 3, clients: 2, toCreate: 3, duplicates: 0, needsConsultant: false, errors: [], errorCount: 0,
    });
    expect(fromApp.body.newClients.map((c: any) => [c.name, c.records])).toEqual([["Stack Shop", 2]]);
    expect(fromApp.body.matchedClients.map((c: any) => [c.name, c.storedName])).toEqual([["rosa's bakery", "Rosa's Bakery"]]);
    expect({ ...fromApi.body, fileName: "check-ins.csv" }).toEqual(fromApp.body);
    expect(fromApiForm.body).toEqual(fromApp.body);
  });

  it("a preview reports import problems (a client that is not yours) by line, with ok false, and still writes nothing", async () => {
    const before = await counts();
    const csv = `${HEADER}\nHarbor Bikes,2026-10-01,3,sporadic,none,none\n`;
    const res = await app(appImportPreviewEndpoint, form(csv));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, errorCount: 1, errors: [{ line: 2, column: "client" }] });
    const run = await api(csv);
    expect(run.status).toBe(422);
    expect(run.body.error.details).toEqual([{ line: 2, column: "client", message: expect.stringContaining("not assigned to you") }]);
    expect(await counts()).toEqual(before);
  });

  it("a manager previews before choosing the lead consultant, then runs with consultantId as a form field", async () => {
    const csv = `${HEADER}\nManager Stack Co,2026-10-01,3,sporadic,none,none\n`;
    const preview = await app(appImportPreviewEndpoint, form(csv), { session: manager });
    expect(preview.body).toMatchObject({ ok: true, needsConsultant: true, toCreate: 1 });
    const missing = await app(appImportRunEndpoint, form(csv), { session: manager });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0]).toMatchObject({ line: 2, column: "client" });
    const run = await app(appImportRunEndpoint, form(csv, { consultantId: tom.id }), { session: manager });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ createdCheckIns: 1, createdClients: [{ name: "Manager Stack Co" }] });
  });

  it("the app's run streams progress then the result; a repeat through the API skips every duplicate", async () => {
    const before = await counts();
    const res = await app(appImportRunEndpoint, form(GOOD_CSV), { headers: { accept: "application/x-ndjson" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const messages = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(messages[0]).toEqual({ type: "phase", phase: "write", records: 3 });
    expect(messages.some((m) => m.type === "progress")).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: "result", ok: true, createdCheckIns: 3, skippedDuplicates: 0, createdClients: [{ name: "Stack Shop" }] });
    expect((await counts()).checkins).toBe(before.checkins + 3);
    const again = await api(GOOD_CSV);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ createdClients: [], createdCheckIns: 0, skippedDuplicates: 3 });
  });

  it("an import problem found while the run streams arrives as the one error shape inside the stream", async () => {
    const csv = `${HEADER}\nHarbor Bikes,2026-10-01,3,sporadic,none,none\n`;
    const res = await app(appImportRunEndpoint, form(csv), { headers: { accept: "application/x-ndjson" } });
    const last = JSON.parse(res.text.trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ type: "error", status: 422, error: { code: "validation_failed", details: [{ line: 2, column: "client" }] } });
    expect(isErrorShape({ error: last.error })).toBe(true);
  });
});

describe("export", () => {
  it("the app's export and the API's export send the same file", async () => {
    const rosa = clientUser.clientId!;
    for (const q of ["format=csv", `format=json&client=${rosa}`]) {
      const fromApp = await call(database, appExportEndpoint, { path: `/export?${q}`, session: priya, headers: { "sec-fetch-site": "same-origin" } });
      const fromApi = await call(database, exportEndpoint, { path: `/api/v1/export?${q}`, token: priyaToken });
      expect(fromApp.status).toBe(200);
      expect(fromApp.text).toBe(fromApi.text);
      expect(fromApp.headers.get("content-disposition")).toBe(fromApi.headers.get("content-disposition"));
    }
    const hidden = await call(database, appExportEndpoint, { path: `/export?format=csv&client=${tom.id}`, session: priya });
    const hiddenApi = await call(database, exportEndpoint, { path: `/api/v1/export?format=csv&client=${tom.id}`, token: priyaToken });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(hiddenApi.body);
    const badFormat = await call(database, appExportEndpoint, { path: "/export?format=xml", session: priya });
    expect(badFormat.status).toBe(400);
    expect(isErrorShape(badFormat.body)).toBe(true);
  });

  it("a Next.js router request for the app's export (a prefetch) gets 204 and runs no export; the API's export ignores the header", async () => {
    const prefetch = await call(database, appExportEndpoint, { path: "/export?format=csv", session: priya, headers: { "sec-fetch-site": "same-origin", rsc: "1", "next-router-prefetch": "1" } });
    expect(prefetch.status).toBe(204);
    expect(prefetch.text).toBe("");
    const api = await call(database, exportEndpoint, { path: "/api/v1/export?format=csv", token: priyaToken, headers: { rsc: "1" } });
    expect(api.status).toBe(200);
    expect(api.text.split("\n")[0]).toMatch(/^client,date,/);
    // Signed out, it is still refused before anything else.
    const stranger = await call(database, appExportEndpoint, { path: "/export?format=csv", headers: { rsc: "1" } });
    expect(stranger.status).toBe(401);
  });
});
