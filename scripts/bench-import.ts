// npm run bench:import
// 50,000 check-ins across 500 clients from a deterministic generator, imported by a consultant into a
// fresh embedded database on disk: times parse, previewImport and runImport (one transaction).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";
import { firms, users } from "../db/schema";
import { previewImport, runImport } from "../db/queries/import";
import { syntheticHistory } from "../lib/stages/synthetic";
import { parseCsv, serializeCsv, type CheckInRecord } from "../lib/checkin-format";
import type { Actor } from "../lib/auth/permissions";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const PER_CLIENT = Number(process.env.BENCH_CHECKINS ?? 100);
const LIMIT_SECS = 30;

function records(): CheckInRecord[] {
  const out: CheckInRecord[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    for (const [i, x] of syntheticHistory(c + 1, PER_CLIENT).entries()) {
      out.push({ ...x, client: `Bench Client ${String(c + 1).padStart(4, "0")}`, consultant: null, notes: i % 10 === 0 ? `Note ${i}, "quoted"` : null });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "stageline-bench-import-"));
  const pgliteDir = path.join(dir, "pglite");
  const database = await openDatabase({ pgliteDir, purpose: "bench:import" });
  try {
    await migrateDatabase(database);
    const db = database.db;
    const [firm] = await db.insert(firms).values({ name: "Bench firm" }).returning();
    const [u] = await db.insert(users).values({ firmId: firm.id, email: "bench@example.net", name: "Bench Consultant", role: "consultant" }).returning();
    const actor: Actor = { id: u.id, firmId: firm.id, role: "consultant", clientId: null, email: u.email, name: u.name };

    const csv = serializeCsv(records());
    console.log(`import benchmark: ${CLIENTS} clients x ${PER_CLIENT} check-ins = ${(CLIENTS * PER_CLIENT).toLocaleString("en-US")} rows, ${(csv.length / 1e6).toFixed(1)} MB of CSV, PGlite on disk (${pgliteDir})`);

    const t0 = performance.now();
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(`generated file does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const t1 = performance.now();
    const preview = await previewImport(db, actor, parsed.records);
    if (!preview.ok) throw new Error(`preview failed: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    const t2 = performance.now();
    let lastPct = -1;
    const result = await runImport(db, actor, parsed.records, {
      onProgress: (done, total) => {
        const pct = Math.floor((100 * done) / total / 25) * 25;
        if (done === CLIENTS * PER_CLIENT) console.log(`  check-ins written (${((performance.now() - t2) / 1000).toFixed(1)} s), recomputing stages`);
        if (pct > lastPct) {
          lastPct = pct;
          console.log(`  progress ${pct}% (${((performance.now() - t2) / 1000).toFixed(1)} s)`);
        }
      },
    });
    const t3 = performance.now();
    if (!result.ok || result.createdCheckIns !== CLIENTS * PER_CLIENT) throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);

    const again = await runImport(db, actor, parsed.records);
    const t4 = performance.now();

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`parse CSV        ${s(t1 - t0)}`);
    console.log(`previewImport    ${s(t2 - t1)}  (${preview.newClients.length} new clients, ${preview.toCreate} check-ins)`);
    console.log(`runImport        ${s(t3 - t2)}  (${result.createdClients.length} clients, ${result.createdCheckIns} check-ins, stages recomputed)`);
    console.log(`total            ${s(t3 - t0)}  (limit ${LIMIT_SECS} s)`);
    console.log(`second run       ${s(t4 - t3)}  (${again.createdCheckIns} added, ${again.skippedDuplicates} skipped as duplicates)`);
    if ((t3 - t0) / 1000 > LIMIT_SECS) process.exitCode = 1;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
