import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { assignments, auditLog, clients, firms, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { listClientsForList } from "@/db/queries/client-status";
import { canImport, ImportForbiddenError, previewImport, runImport, importErrorAsFormatError } from "@/db/queries/import";
import { exportCheckIns } from "@/db/queries/export";
import { recomputeStages } from "@/db/queries/checkins";
import { formatErrorMessage, parseCsv, parseJson, serializeCsv, serializeJson, type CheckInRecord } from "@/lib/checkin-format";
import type { Actor } from "@/lib/auth/permissions";
import { actorByEmail, createTestDatabase, tableCounts } from "./db";

let database: Database;
const TODAY = "2026-11-20";
const NOW = new Date(`${TODAY}T12:00:00Z`);

const actor = (email: string): Promise<Actor> => actorByEmail(database.db, email);

const counts = () => tableCounts(database.db);

function rec(client: string, date: string, over: Partial<CheckInRecord> = {}): CheckInRecord {
  return {
    client, date, consultant: null, accounts: ["facebook"], accountsSince: null, postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.5,
    replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: "hopeful",
    followers: null, notes: null, ...over,
  };
}

let priya: Actor, tom: Actor, manager: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: TODAY });
  [priya, tom, manager] = await Promise.all([actor("consultant@example.com"), actor("consultant2@example.com"), actor("manager@example.com")]);
});
afterAll(async () => database?.close());

describe("import", () => {
  it("only who may import passes, through the one check the handlers share", async () => {
    const client = await actor("client@example.com");
    expect([priya, tom, manager].map(canImport)).toEqual([true, true, true]);
    expect(canImport(client)).toBe(false);
    const records = [rec("Forbidden Import Co", "2026-03-01")];
    await expect(previewImport(database.db, client, records)).rejects.toBeInstanceOf(ImportForbiddenError);
    await expect(runImport(database.db, client, records)).rejects.toBeInstanceOf(ImportForbiddenError);
  });

  it("a preview writes nothing, whatever it finds", async () => {
    const before = await counts();
    const records = [rec("Preview Only Co", "2026-03-01"), rec("rosa's bakery", "2026-03-02"), rec("harbor bikes", "2026-03-03")];
    const preview = await previewImport(database.db, priya, records, { lines: [2, 3, 4] });
    expect(preview).toMatchObject({ ok: false, records: 3, toCreate: 3, newClients: [{ name: "Preview Only Co", id: null }] });
    expect(preview.errors).toEqual([expect.objectContaining({ line: 4, code: "client-not-visible" })]);
    const clean = await previewImport(database.db, priya, records.slice(0, 2));
    expect(clean.ok).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("rejects a file with a bad line as a whole, naming the line and column", async () => {
    const csv = [
      "client,date,posts_last_30d,rhythm,replies,results",
      "Alpha Import Co,2026-01-10,0,none,none,none",
      "Alpha Import Co,2026-02-10,4,weekly,none,none",
    ].join("\n");
    const parsed = parseCsv(csv, NOW);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map(formatErrorMessage)).toEqual([expect.stringMatching(/^line 3, column rhythm: /)]);
  });

  it("a consultant cannot import into another consultant's client: error at that line, nothing written", async () => {
    const before = await counts();
    const records = [rec("Brand New Import Client", "2026-03-01"), rec("harbor bikes", "2026-03-01"), rec("Brand New Import Client", "2026-04-01")];
    const preview = await previewImport(database.db, priya, records, { lines: [2, 3, 4] });
    expect(preview.ok).toBe(false);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ index: 1, line: 3, column: "client", code: "client-not-visible" });
    expect(formatErrorMessage(importErrorAsFormatError(preview.errors[0]))).toMatch(/^line 3, column client: /);
    const result = await runImport(database.db, priya, records, { lines: [2, 3, 4] });
    expect(result.ok).toBe(false);
    expect(result.createdCheckIns).toBe(0);
    expect(result.errors[0]).toMatchObject({ index: 1, line: 3, column: "client" });
    expect(await counts()).toEqual(before);
    // Tom's client is untouched and still Tom's.
    const harbor = (await listClientsForList(database.db, tom)).find((c) => c.name === "Harbor Bikes")!;
    expect(harbor.consultantId).toBe(tom.id);
  });

  it("matches names case-insensitively within the firm, creates new clients for the consultant, and skips duplicates on a second run", async () => {
    const records = [
      rec("ROSA'S BAKERY", "2026-11-01", { postsLast30d: 7, notes: "imported, with \"quotes\", commas\nand a newline" }),
      // Out of date order on purpose: the stored history is by date whatever the file's order.
      rec("Gamma Import Studio", "2026-06-05", { postsLast30d: 12, rhythm: "scheduled", replies: "consistent", results: "some" }),
      rec("Gamma Import Studio", "2026-01-05", { accounts: [], postsLast30d: 0, rhythm: "none", attitude: "dismissive" }),
      rec("gamma import studio", "2026-03-05"),
    ];
    const preview = await previewImport(database.db, priya, records);
    expect(preview).toMatchObject({ ok: true, records: 4, clients: 2, toCreate: 4, duplicates: 0, needsConsultant: false });
    expect(preview.matchedClients.map((c) => [c.name, c.storedName])).toEqual([["ROSA'S BAKERY", "Rosa's Bakery"]]);
    expect(preview.newClients.map((c) => [c.name, c.records])).toEqual([["Gamma Import Studio", 3]]);

    const before = await counts();
    const ticks: number[] = [];
    const first = await runImport(database.db, priya, records, { onProgress: (done, total) => ticks.push(done / total) });
    expect(first).toMatchObject({ ok: true, createdCheckIns: 4, skippedDuplicates: 0, errors: [] });
    expect(first.createdClients.map((c) => c.name)).toEqual(["Gamma Import Studio"]);
    expect(ticks.at(-1)).toBe(1);
    const after = await counts();
    expect(after.clients).toBe(before.clients + 1);
    expect(after.checkins).toBe(before.checkins + 4);
    expect(after.stages).toBe(before.stages + 4);
    // one import row + one creation row
    expect(after.audit).toBe(before.audit + 2);
    const [imp] = await database.db.select().from(auditLog).where(eq(auditLog.action, "import")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(imp.after).toMatchObject({ createdCheckIns: 4, skippedDuplicates: 0, createdClients: 1 });
    // What the import stored is what recomputeStages stores, for a matched and for a created client.
    for (const id of [preview.matchedClients[0].id!, first.createdClients[0].id]) {
      const stagesOf = () => queryRows(database.db, sql`select check_in_id, date::text, seq, stage, confidence, reasons, missing from stage_assessments where client_id = ${id} order by seq`);
      const afterImport = await stagesOf();
      expect(afterImport.length).toBeGreaterThan(0);
      await database.db.transaction((tx) => recomputeStages(tx, id));
      expect(await stagesOf()).toEqual(afterImport);
    }
    const gamma = (await listClientsForList(database.db, priya)).find((c) => c.name === "Gamma Import Studio")!;
    expect(gamma).toMatchObject({ consultantId: priya.id, checkInCount: 3 });
    expect(gamma.stage).not.toBeNull();

    const again = await previewImport(database.db, priya, records);
    expect(again).toMatchObject({ ok: true, toCreate: 0, duplicates: 4, newClients: [] });
    const second = await runImport(database.db, priya, records);
    expect(second).toMatchObject({ ok: true, createdCheckIns: 0, skippedDuplicates: 4, createdClients: [] });
    expect((await counts()).checkins).toBe(after.checkins);
  });

  it("a manager must choose the lead consultant for new clients", async () => {
    const records = [rec("Delta Import Dental", "2026-05-01")];
    const preview = await previewImport(database.db, manager, records);
    expect(preview.needsConsultant).toBe(true);
    expect(preview.errors[0]).toMatchObject({ code: "consultant-required", column: "client" });
    expect((await runImport(database.db, manager, records)).ok).toBe(false);
    expect((await runImport(database.db, manager, records, { consultantId: manager.id })).errors[0]).toMatchObject({ code: "consultant-invalid" });
    const ok = await runImport(database.db, manager, records, { consultantId: tom.id });
    expect(ok).toMatchObject({ ok: true, createdCheckIns: 1 });
    const [a] = await database.db.select().from(assignments).where(eq(assignments.clientId, ok.createdClients[0].id));
    expect(a.consultantId).toBe(tom.id);
  });
});

describe("export", () => {
  it("exports visible clients only, ordered by client then date; null for a client the actor cannot see", async () => {
    const harbor = (await listClientsForList(database.db, tom)).find((c) => c.name === "Harbor Bikes")!;
    expect(await exportCheckIns(database.db, priya, { clientId: harbor.id })).toBeNull();
    expect(await exportCheckIns(database.db, priya, { clientId: "not-a-uuid" })).toBeNull();
    const one = (await exportCheckIns(database.db, tom, { clientId: harbor.id }))!;
    expect(one.length).toBe(harbor.checkInCount);
    expect(new Set(one.map((r) => r.client))).toEqual(new Set(["Harbor Bikes"]));
    const all = (await exportCheckIns(database.db, priya))!;
    expect(all.some((r) => r.client === "Harbor Bikes")).toBe(false);
    const keys = all.map((r) => `${r.client.toLowerCase()}|${r.date}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a.split("|")[0] === b.split("|")[0] ? a.localeCompare(b) : 0)));
    for (let i = 1; i < all.length; i++) {
      if (all[i].client === all[i - 1].client) expect(all[i].date >= all[i - 1].date).toBe(true);
    }
  });

  it("export then import into an empty firm reproduces the same data and the same stages (CSV and JSON)", async () => {
    const original = (await exportCheckIns(database.db, priya))!;
    expect(original.length).toBeGreaterThan(20);
    for (const format of ["csv", "json"] as const) {
      const text = format === "csv" ? serializeCsv(original) : serializeJson(original);
      const parsed = format === "csv" ? parseCsv(text, NOW) : parseJson(text, NOW);
      if (!parsed.ok) throw new Error(parsed.errors.map(formatErrorMessage).join("\n"));
      const [firm] = await database.db.insert(firms).values({ name: `Empty firm ${format}` }).returning();
      const [u] = await database.db
        .insert(users)
        .values({ firmId: firm.id, email: `importer-${format}@example.net`, name: "Importer", role: "consultant" })
        .returning();
      const importer: Actor = { id: u.id, firmId: firm.id, role: "consultant", clientId: null, email: u.email, name: u.name };
      const result = await runImport(database.db, importer, parsed.records);
      expect(result).toMatchObject({ ok: true, createdCheckIns: original.length, skippedDuplicates: 0 });
      expect(await exportCheckIns(database.db, importer)).toEqual(original);
      const stagesOf = (firmId: string, actorId: string) =>
        queryRows<{ name: string; stages: string }>(
          database.db,
          sql`select c.name, string_agg(s.stage::text || '@' || s.date::text, ',' order by s.seq) as stages
              from clients c join assignments a on a.client_id = c.id join stage_assessments s on s.client_id = c.id
              where c.firm_id = ${firmId} and a.consultant_id = ${actorId} group by c.name order by c.name`,
        );
      expect(await stagesOf(firm.id, importer.id)).toEqual(await stagesOf(priya.firmId, priya.id));
      // The import's batched recomputation stores exactly what recomputeStages stores.
      const stored = (firmId: string) =>
        queryRows(database.db, sql`select s.check_in_id, s.client_id, s.date::text, s.seq, s.stage, s.confidence, s.reasons, s.missing
                                   from stage_assessments s join clients c on c.id = s.client_id where c.firm_id = ${firmId} order by s.client_id, s.seq`);
      const batched = await stored(firm.id);
      const imported = await database.db.select({ id: clients.id }).from(clients).where(eq(clients.firmId, firm.id));
      await database.db.transaction(async (tx) => {
        for (const c of imported) await recomputeStages(tx, c.id);
      });
      expect(await stored(firm.id)).toEqual(batched);
    }
  });

  it("other firms' data never leaks into an export", async () => {
    const other = await actor("other-manager@example.org");
    const rows = (await exportCheckIns(database.db, other))!;
    const names = new Set((await database.db.select({ name: clients.name }).from(clients).where(eq(clients.firmId, other.firmId))).map((r) => r.name));
    for (const r of rows) expect(names.has(r.client)).toBe(true);
  });
});
