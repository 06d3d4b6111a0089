// Streaming export and import (issue 12): the export streams rows from a cursor, a batch at a
// time, and must send exactly the bytes the old whole-string export sent; the import parses the
// body while it arrives and must answer exactly as parsing the whole text did; a token's
// lastUsedAt is written at most once a minute. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import v8 from "node:v8";
import vm from "node:vm";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database, type Db, type Tx } from "@/db";
import { seedDemo } from "@/db/seed";
import { checkIns, clients } from "@/db/schema";
import { fieldsOf } from "@/db/queries/checkins";
import { exportCheckIns, exportTarget, readExport } from "@/db/queries/export";
import { clientScope } from "@/db/queries/scope";
import { actorForToken } from "@/db/queries/tokens";
import { setFirm } from "@/db/tenant";
import { exportEndpoint, importEndpoint } from "@/lib/api/handlers/transfer";
import type { Actor } from "@/lib/auth/permissions";
import { parseCsv, parseJson, serializeCsv, serializeJson, type CheckInRecord } from "@/lib/checkin-format";
import { formatErrorDetails } from "@/lib/api/endpoint";
import { MAX_LISTED_DETAILS } from "@/lib/api/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/api/body";
import { EXPORT_CONCURRENCY, ExportStopped, fileParts, pullStream } from "@/lib/transfer/export-stream";
import { createTestDatabase, tableCounts } from "./db";
import { makeClient, makeFirm, makeUser } from "./factory";
import { actorOf, call, tokenFor } from "./api/helpers";

/** The export as it was before streaming: one query, every record in memory, one string. Kept to compare bytes. */
async function oldExport(db: Db | Tx, actor: Actor, clientId?: string): Promise<CheckInRecord[]> {
  const where = clientId !== undefined ? and(clientScope(actor), eq(clients.id, clientId)) : clientScope(actor);
  const rows = await db
    .select({ client: clients.name, c: checkIns })
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .where(where)
    .orderBy(sql`lower(${clients.name})`, asc(clients.id), asc(checkIns.date), asc(checkIns.createdAt), asc(checkIns.id));
  return rows.map((r) => ({ client: r.client, ...fieldsOf(r.c) }));
}
const oldFile = (records: CheckInRecord[], format: "csv" | "json") => (format === "csv" ? serializeCsv(records) : serializeJson(records));

// The memory test's firm: 1,000 clients with 40 check-ins each. At 100,000 rows the old export held
// 75 MB and this file took over a minute of the suite on PGlite; at 40,000 the gap is still tenfold.
// `npm run bench:export` streams 500,000.
const BULK_CLIENTS = 1000;
const BULK_ROWS = 40_000;

let database: Database & { label: string };
let manager: Actor, priya: Actor;
let managerToken: string, priyaToken: string;

// Names a spreadsheet would run as formulas, quoting, separators, line breaks, non-ASCII.
const ODD_NAMES = [
  '=HYPERLINK("http://evil.example","click")', "+41 Shop", "-minus Co", "@mention Ltd", "\tTabbed", "\rReturn", "'=already quoted", "''+twice",
  "Comma, Inc", 'Quote "Q" Ltd', "Line\nBreak Bakery", "Crlf\r\nCafe", "Ünïcødé ☕ Café", "  spaced  ", "日本の店", "emoji 🧁 shop", "a", "Z last",
];
const ODD_NOTES = [null, "", "plain", "comma, and \"quotes\"", "line1\nline2\r\nline3", "=1+1", "+SUM(A1)", "-2", "@x", "\ttab first", "🧁".repeat(50), "x".repeat(4000)];

/** `perClient` check-ins for each of `names` (new clients led by `lead`), varied in every field the format has. */
async function addClients(lead: Actor, names: string[], perClient: number): Promise<void> {
  for (const [n, name] of names.entries()) {
    const c = await makeClient(database.db, lead, name);
    const rows = Array.from({ length: perClient }, (_, i) => {
      const k = n * 31 + i;
      return {
        clientId: c.id,
        authorId: lead.id,
        // Several check-ins share a day: their entry order decides.
        date: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((Math.floor(i / 3) % 28) + 1).padStart(2, "0")}`,
        consultant: k % 4 === 0 ? null : k % 4 === 1 ? lead.email : "Other.Person@Example.com",
        accounts: (["facebook", "x", "instagram", "blog", "tiktok"] as const).filter((_, j) => (k >> j) & 1),
        accountsSince: k % 3 === 0 ? null : "2020-02-29",
        postsLast30d: k % 97,
        rhythm: (["none", "sporadic", "scheduled"] as const)[k % 3],
        automatedShare: [0, 1, 0.5, 1 / 3, 0.1 + 0.2][k % 5],
        replies: (["none", "some", "consistent"] as const)[k % 3],
        promotion: (["none", "light", "active"] as const)[(k >> 1) % 3],
        results: (["none", "some", "clear"] as const)[(k >> 2) % 3],
        tools: (["scheduling", "analytics", "monitoring", "crm"] as const).filter((_, j) => (k >> (j + 1)) & 1),
        mentionResponseHours: k % 4 === 0 ? null : [0.25, 720, 1e-7, 48][k % 4],
        advocacy: (["none", "some", "active"] as const)[k % 3],
        attitude: k % 8 === 0 ? null : (["dismissive", "hesitant", "hopeful", "frustrated", "comfortable", "enthusiastic", "evangelist"] as const)[k % 7],
        followers: k % 5 === 0 ? null : [0, 1, 2_147_483_647, 12345][k % 4],
        notes: ODD_NOTES[k % ODD_NOTES.length],
      };
    });
    for (let i = 0; i < rows.length; i += 500) await database.db.insert(checkIns).values(rows.slice(i, i + 500));
  }
}

/** `clientsN` clients of `lead` with `perClient` plain check-ins each, written by the database itself (fast). */
async function addManyRows(lead: Actor, prefix: string, clientsN: number, perClient: number): Promise<void> {
  await database.db.execute(sql`
    with c as (
      insert into clients (firm_id, name) select ${lead.firmId}::uuid, ${prefix} || lpad(g::text, 6, '0') from generate_series(1, ${clientsN}) g returning id
    ), a as (
      insert into assignments (client_id, consultant_id) select id, ${lead.id}::uuid from c returning client_id
    )
    insert into check_ins (client_id, author_id, date, accounts, posts_last_30d, rhythm, automated_share, replies, results, tools, notes)
    select a.client_id, ${lead.id}::uuid, date '2024-01-01' + (i * 3), '{facebook,x}', i % 50, 'sporadic', 0.25, 'some', 'none', '{analytics}',
           'Check-in ' || i || ', notes "quoted" here'
    from a, generate_series(1, ${perClient}) i`);
}

function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

function form(text: string, name: string, type: string, size: number): { body: ReadableStream<Uint8Array>; headers: Record<string, string> } {
  const boundary = "----stageline-streaming";
  const wire = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return { body: chunked(wire, size), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  [manager, priya] = await Promise.all(["manager@example.com", "consultant@example.com"].map((e) => actorOf(database, e)));
  [managerToken, priyaToken] = await Promise.all(["manager@example.com", "consultant@example.com"].map((e) => tokenFor(database, e)));
  const tom = await actorOf(database, "consultant2@example.com");
  await addClients(priya, ODD_NAMES, 40);
  await addClients(tom, ["Tom's =formula", "tom plain"], 30);
});
afterAll(async () => database?.close());

describe(`streamed export (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("sends exactly the bytes of the old whole-string export: CSV and JSON, whole firm, one consultant, one client, none", async () => {
    const oddClient = (await database.db.select({ id: clients.id }).from(clients).where(eq(clients.name, ODD_NAMES[0]!)))[0]!.id;
    const empty = await makeClient(database.db, priya, "No check-ins yet");
    const cases: [Actor, string, string | undefined][] = [
      [manager, managerToken, undefined],
      [priya, priyaToken, undefined],
      [priya, priyaToken, oddClient],
      [priya, priyaToken, empty.id],
    ];
    for (const [actor, token, clientId] of cases) {
      const expected = await oldExport(database.db, actor, clientId);
      if (clientId === undefined) expect(expected.length).toBeGreaterThan(500);
      for (const format of ["csv", "json"] as const) {
        const res = await call(database, exportEndpoint, { path: `/api/v1/export?format=${format}${clientId ? `&client=${clientId}` : ""}`, token });
        expect(res.status).toBe(200);
        expect(res.text === oldFile(expected, format), `${actor.email} ${format} ${clientId ?? "all"}`).toBe(true);
      }
    }
    // The file name still follows the client's name, or "client" when it has no check-ins.
    const named = await call(database, exportEndpoint, { path: `/api/v1/export?format=csv&client=${oddClient}`, token: priyaToken });
    expect(named.headers.get("content-disposition")).toMatch(/^attachment; filename="hyperlink-http-evil-example-click-\d{4}-\d{2}-\d{2}\.csv"$/);
    const unnamed = await call(database, exportEndpoint, { path: `/api/v1/export?format=csv&client=${empty.id}`, token: priyaToken });
    expect(unnamed.headers.get("content-disposition")).toMatch(/^attachment; filename="client-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(unnamed.text).toBe(serializeCsv([]));
    // Formula protection holds in the streamed file.
    expect(named.text.split("\n")[1]).toMatch(/^"'=HYPERLINK\(/);
  });

  it("any batch size joins to the same file (batch edges anywhere), and exportCheckIns still returns the same records", async () => {
    const expected = await oldExport(database.db, manager);
    for (const batchSize of [1, 7, 1000, 100_000]) {
      for (const format of ["csv", "json"] as const) {
        const file = fileParts(format);
        let text = "";
        await database.db.transaction((tx) =>
          readExport(tx, manager, { batchSize }, async (records) => {
            text += file.part(records);
          }),
        );
        text += file.end();
        expect(text === oldFile(expected, format), `batch ${batchSize} ${format}`).toBe(true);
      }
    }
    expect(await exportCheckIns(database.db, manager)).toEqual(expected);
  });

  it("runs as the app's role under row-level security: the firm's rows and nothing of another firm", async () => {
    const other = await actorOf(database, "other-manager@example.org");
    const asApp = async (actor: Actor, firmId = actor.firmId) => {
      const out: CheckInRecord[] = [];
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`set local role stageline_app`);
          await setFirm(tx, firmId);
          await readExport(tx, actor, { batchSize: 333 }, async (r) => void out.push(...r));
          throw new RollBack();
        })
        .catch((e) => {
          if (!(e instanceof RollBack)) throw e;
        });
      return out;
    };
    expect(await asApp(manager)).toEqual(await oldExport(database.db, manager));
    const theirs = await asApp(other);
    expect(theirs).toEqual(await oldExport(database.db, other));
    // The second wall: with the other firm named, Northwind's manager exports nothing at all.
    expect(await asApp(manager, other.firmId)).toEqual([]);
    // A client the actor cannot see: nothing to export.
    const tomsClient = (await database.db.select({ id: clients.id }).from(clients).where(eq(clients.name, "tom plain")))[0]!.id;
    expect(await exportTarget(database.db, priya, tomsClient)).toBeNull();
  });

  it(`keeps memory flat: ${BULK_ROWS.toLocaleString("en")} rows stream into a discarding reader with little heap growth, where the old export held them all`, async () => {
    const boss = await bulkFirm();
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };

    const base = heap();
    let peak = base;
    const res = await exportResponse(await tokenFor(database, boss.email));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let lines = 0;
    let parts = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const b of value) if (b === 10) lines++;
      if (++parts % 5 === 0) peak = Math.max(peak, heap());
    }
    const streamed = peak - base;
    expect(lines).toBe(BULK_ROWS + 1);

    // The old way, for comparison: every record, then the whole string.
    const before = heap();
    const records = await oldExport(database.db, boss);
    const whole = serializeCsv(records);
    const held = heap() - before;
    expect(whole.length).toBe(bytes);
    console.log(`[streaming] ${database.label}: ${BULK_ROWS} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV; heap growth streamed ${(streamed / 1e6).toFixed(1)} MB, old whole-string export held ${(held / 1e6).toFixed(1)} MB`);
    expect(streamed).toBeLessThan(24e6);
    expect(streamed).toBeLessThan(held / 4);
  });

  it("stops when the reader cancels, and its transaction ends (PGlite's one connection answers others at once)", async () => {
    const boss = await bulkFirm();
    const res = await exportResponse(await tokenFor(database, boss.email));
    const reader = res.body!.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 200)); // the export fills its queue and waits for the reader
    await reader.cancel();
    const counted = await Promise.race([tableCounts(database.db), new Promise((resolve) => setTimeout(() => resolve("blocked"), 10_000))]);
    expect(counted).not.toBe("blocked");
    if (database.kind === "postgres") {
      // No connection is left inside the export's transaction.
      const open = async () =>
        (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`))[0]!.n;
      for (let i = 0; i < 50 && (await open()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await open()).toBe(0);
    }
  });

  it("a reader that takes nothing for the stall time ends the export; the producer stops at its next write", async () => {
    let stoppedWith: unknown = null;
    let parts = 0;
    const body = pullStream(
      async (write) => {
        try {
          for (;;) {
            await write("x".repeat(600_000));
            parts++;
          }
        } catch (err) {
          stoppedWith = err;
          throw err;
        }
      },
      { stallMs: 100 },
    );
    await new Promise((r) => setTimeout(r, 400));
    expect(stoppedWith).toBeInstanceOf(ExportStopped);
    expect(parts).toBeLessThanOrEqual(2);
    await expect(body.getReader().read()).rejects.toBeInstanceOf(ExportStopped);
  });

  it(`at most ${EXPORT_CONCURRENCY} exports hold a database transaction at once; the others wait their turn and then finish`, async () => {
    let active = 0;
    let most = 0;
    const bodies = Array.from({ length: EXPORT_CONCURRENCY + 2 }, (_, i) =>
      pullStream(async (write) => {
        most = Math.max(most, ++active);
        try {
          await write(`${i}:` + "x".repeat(1_500_000)); // more than the queue: waits for its reader
          await write("\n");
        } finally {
          active--;
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(active).toBe(EXPORT_CONCURRENCY);
    const texts = await Promise.all(bodies.map((b) => new Response(b).text()));
    expect(most).toBe(EXPORT_CONCURRENCY);
    texts.forEach((t, i) => expect(t).toBe(`${i}:` + "x".repeat(1_500_000) + "\n"));
  });
});

let bulkBoss: Actor | null = null;
/** The memory test's firm, made once; its manager. */
async function bulkFirm(): Promise<Actor> {
  if (bulkBoss) return bulkBoss;
  const firm = await makeFirm(database.db);
  const lead = await makeUser(database.db, firm.id, "consultant");
  bulkBoss = await makeUser(database.db, firm.id, "manager");
  await addManyRows(lead, "Bulk client ", BULK_CLIENTS, BULK_ROWS / BULK_CLIENTS);
  return bulkBoss;
}

/** The export's response, unread: the test reads (or does not read) its body. */
function exportResponse(token: string, format = "csv"): Promise<Response> {
  const req = new Request(`http://stageline.test/api/v1/export?format=${format}`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "10.0.0.9" } });
  return exportEndpoint({ db: database.db, sessionActor: async () => null, limits: { windowSeconds: 60, perToken: 1e6, perIp: 1e6 } }, req);
}
class RollBack extends Error {}

describe(`streamed import (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  const HEADER = "client,date,consultant,accounts,posts_last_30d,rhythm,automated_share,replies,results,tools,notes";
  // Rows in the large file: hundreds of the chunks below, each cut mid-character and mid-line.
  const IMPORT_ROWS = 5000;
  /** A large CSV: 400 clients, quoted line breaks, multi-byte characters to split across chunks. */
  function bigCsv(rows: number, bad: (i: number) => boolean = () => false): string {
    const out = [HEADER];
    for (let i = 0; i < rows; i++) {
      const name = i % 3 === 0 ? `"Stream Café ${i % 400}, Ltd"` : `Stream Café ${i % 400}`;
      const notes = i % 5 === 0 ? `"line one ☕\nline ""two"""` : i % 7 === 0 ? "" : `note ${i} 🧁`;
      const rhythm = bad(i) ? "weekly" : ["none", "sporadic", "scheduled"][i % 3];
      out.push(`${name},2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")},,facebook;x,${i % 40},${rhythm},0.5,some,none,analytics,${notes}`);
    }
    return out.join(rows % 2 ? "\n" : "\r\n") + "\n"; // odd sizes end lines with LF, even ones with CRLF
  }

  it("a large CSV streamed in small chunks (bare body and form) imports exactly as the whole string does", async () => {
    const csv = bigCsv(IMPORT_ROWS);
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db);
      const otherToken = await tokenFor(other, "consultant@example.com");
      const whole = await call(other, importEndpoint, { method: "POST", path: "/api/v1/import", token: otherToken, body: csv, headers: { "content-type": "text/csv" } });
      expect(whole.status).toBe(200);
      expect(whole.body.createdCheckIns).toBe(IMPORT_ROWS);

      // Preview first: bare body and form, in chunks that cut characters and lines anywhere.
      const preview = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: chunked(csv, 997), headers: { "content-type": "text/csv" } });
      const previewForm = form(csv, "big.csv", "text/csv", 1999);
      const preview2 = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, ...previewForm });
      const wholePreview = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: csv, headers: { "content-type": "text/csv" } });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ ok: true, records: IMPORT_ROWS, toCreate: IMPORT_ROWS });
      expect(preview.body).toEqual(wholePreview.body);
      expect({ ...preview2.body, fileName: null }).toEqual(preview.body);

      const streamed = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, body: chunked(csv, 613), headers: { "content-type": "text/csv" } });
      expect(streamed.status).toBe(200);
      const names = (b: any) => b.createdClients.map((c: any) => c.name);
      expect({ ...streamed.body, createdClients: names(streamed.body) }).toEqual({ ...whole.body, createdClients: names(whole.body) });
      // The same check-ins, byte for byte, in both databases.
      const otherPriya = await actorOf(other, "consultant@example.com");
      const mine = (await oldExport(database.db, priya)).filter((r) => r.client.startsWith("Stream Café"));
      const theirs = (await oldExport(other.db, otherPriya)).filter((r) => r.client.startsWith("Stream Café"));
      expect(mine.length).toBe(IMPORT_ROWS);
      expect(serializeCsv(mine) === serializeCsv(theirs)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("a bad file gets the same 422 (lines, columns, messages) whole or in chunks, bare or in a form, and nothing is written", async () => {
    const csv = bigCsv(3000, (i) => i % 250 === 17);
    const expected = parseCsv(csv);
    if (expected.ok) throw new Error("the file should be bad");
    const before = await tableCounts(database.db);
    const answers = [
      await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, body: csv, headers: { "content-type": "text/csv" } }),
      await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, body: chunked(csv, 101), headers: { "content-type": "text/csv" } }),
      await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, ...form(csv, "bad.csv", "text/csv", 333) }),
      // No extension, no type: the file's first characters say CSV.
      await call(database, importEndpoint, { method: "POST", path: "/api/v1/import", token: priyaToken, ...form(csv, "checkins", "application/octet-stream", 4096) }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(422);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.details).toEqual(formatErrorDetails(expected.errors));
    expect(answers[0]!.body.error.details[0]).toMatchObject({ line: expect.any(Number), column: "rhythm" });
    expect(await tableCounts(database.db)).toEqual(before);
  });

  it("JSON streams too: the same records, the same errors by index and the same messages for broken JSON, whole or in chunks", async () => {
    const records = parseCsv(bigCsv(2000));
    if (!records.ok) throw new Error("bad fixture");
    const good = serializeJson(records.records.map((r) => ({ ...r, client: `Json ${r.client}` })));
    const broken = [good.slice(0, good.length - 100), good.replace('"Json Stream Café 7"', '"Json Stream Café 7" x'), good + "]", '[{"client": "x"}, {"client"}]', "", "{}", "[" + "[".repeat(80) + "]"];
    const withErrors = good.replace(/"rhythm":"none"/g, '"rhythm":"weekly"');
    for (const text of [good, withErrors, ...broken]) {
      const whole = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: text, headers: { "content-type": "application/json" } });
      const inChunks = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: chunked(text, 211), headers: { "content-type": "application/json" } });
      expect(inChunks.body).toEqual(whole.body);
      if (text !== "") {
        // An empty form file is "no file" (400), as before; anything else answers as the bare body.
        const inForm = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, ...form(text, "f.json", "application/json", 307) });
        expect(inForm.body.ok === undefined ? inForm.body : { ...inForm.body, fileName: null }).toEqual(whole.body);
      }
      const parsed = parseJson(text);
      if (parsed.ok) expect(whole.body).toMatchObject({ ok: true, records: parsed.records.length });
      else expect(whole.body.error.details).toEqual(formatErrorDetails(parsed.errors).slice(0, MAX_LISTED_DETAILS));
    }
  });

  it("invalid UTF-8 is a 400 wherever it sits, unless the body is also too large (then 413, as before)", async () => {
    const csv = bigCsv(200);
    const bytes = new TextEncoder().encode(csv);
    const bad = new Uint8Array([...bytes.slice(0, 5000), 0xff, ...bytes.slice(5000)]);
    for (const size of [1, 64, 100_000]) {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let at = 0; at < bad.length; at += size) c.enqueue(bad.slice(at, at + size));
          c.close();
        },
      });
      const res = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: stream, headers: { "content-type": "text/csv" } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe("The body is not valid UTF-8.");
    }
    // A bad first byte and more than the limit: the limit is what the caller hears, as when the body was read whole first.
    const mb = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const oversized = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent === 0) c.enqueue(new Uint8Array([0xff]));
        if (sent++ < MAX_UPLOAD_BYTES / mb.byteLength + 2) c.enqueue(mb);
        else c.close();
      },
    });
    const res = await call(database, importEndpoint, { method: "POST", path: "/api/v1/import?dryRun=1", token: priyaToken, body: oversized, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(413);
  });
});

describe("API token lastUsedAt", () => {
  it("is written at most once a minute per token, however many requests and instances use it", async () => {
    const token = await tokenFor(database, "consultant2@example.com");
    // Every write to the token's row is counted by a trigger (the test's own).
    await database.db.execute(sql`create table if not exists token_writes (id uuid, last_used_at timestamptz)`);
    await database.db.execute(sql`create or replace function count_token_write() returns trigger language plpgsql as $$
      begin insert into token_writes values (new.id, new.last_used_at); return new; end $$`);
    await database.db.execute(sql`drop trigger if exists count_token_write on api_tokens`);
    await database.db.execute(sql`create trigger count_token_write after update on api_tokens for each row execute function count_token_write()`);
    const writes = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from token_writes`))[0]!.n;

    const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000); // within the token's 30 days
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect((await actorForToken(database.db, token, t0))?.actor.email).toBe("consultant2@example.com");
    expect(await writes()).toBe(1);
    // Within the minute: many requests, some at once (as from several instances), no write.
    for (const s of [1, 5, 30, 59, 60]) await actorForToken(database.db, token, at(s));
    await Promise.all(Array.from({ length: 8 }, (_, i) => actorForToken(database.db, token, at(10 + i))));
    expect(await writes()).toBe(1);
    // Past the minute: one write, even when requests race for it.
    await Promise.all(Array.from({ length: 8 }, () => actorForToken(database.db, token, at(61))));
    expect(await writes()).toBe(1 + 1);
    const [row] = await queryRows<{ last_used_at: string }>(database.db, sql`select last_used_at::text from token_writes order by last_used_at desc limit 1`);
    expect(new Date(row!.last_used_at.replace(" ", "T").replace(/\+00$/, "Z")).toISOString()).toBe(at(61).toISOString());
    // A request through the API counts the same way.
    const res = await call(database, exportEndpoint, { path: "/api/v1/export?format=csv", token, deps: { now: () => at(90) } });
    expect(res.status).toBe(200);
    expect(await writes()).toBe(2);
    await call(database, exportEndpoint, { path: "/api/v1/export?format=csv", token, deps: { now: () => at(125) } });
    expect(await writes()).toBe(3);
    await database.db.execute(sql`drop trigger count_token_write on api_tokens`);
  });
});
