// Times getPortfolio for the demo firm: `npx tsx scripts/bench-portfolio.ts` (in-memory PGlite),
// or with BENCH_DATABASE_URL=postgres://... (a scratch database: it is reset and seeded).
// BENCH_EXTRA_CLIENTS=2000 adds that many synthetic clients (36 monthly check-ins each, ending
// recently, spread over the four Northwind consultants by import) to show how the page scales.
import { sql } from "drizzle-orm";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";
import { resetDatabase, seedDemo } from "../db/seed";
import { findUserByEmail, actorForUser } from "../db/queries/users";
import { defaultRange, getPortfolio } from "../db/queries/portfolio";
import { listClientStatus } from "../db/queries/client-status";
import { runImport } from "../db/queries/import";
import { syntheticHistory } from "../lib/stages/synthetic";
import type { CheckInRecord } from "../lib/checkin-format";
import { isoDay } from "../lib/validation/primitives";

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : { pgliteDir: "memory://" });
await migrateDatabase(database);
if (url) await resetDatabase(database.db);
const today = isoDay();
await seedDemo(database.db, { today });
const extra = Number(process.env.BENCH_EXTRA_CLIENTS ?? 0);
if (extra > 0) {
  const started = performance.now();
  const emails = ["consultant@example.com", "consultant2@example.com", "consultant3@example.com", "consultant4@example.com"];
  const todayDay = Math.floor(Date.parse(today + "T00:00:00Z") / 86_400_000);
  for (const [k, email] of emails.entries()) {
    const cu = (await findUserByEmail(database.db, email))!;
    const consultant = (await actorForUser(database.db, cu.id, cu.sessionVersion))!;
    const records: CheckInRecord[] = [];
    for (let c = k; c < extra; c += emails.length) {
      const history = syntheticHistory(c + 1, 36);
      // Shift the history so that it ends 0-40 days ago.
      const shift = todayDay - (c % 41) - Math.floor(Date.parse(history.at(-1)!.date + "T00:00:00Z") / 86_400_000);
      const move = (d: string | null) => (d === null ? null : isoDay(new Date(Date.parse(d + "T00:00:00Z") + shift * 86_400_000)));
      for (const x of history) records.push({ ...x, date: move(x.date)!, accountsSince: move(x.accountsSince), client: `Scale Client ${String(c + 1).padStart(5, "0")}`, consultant: null, notes: null });
    }
    const result = await runImport(database.db, consultant, records);
    if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  console.log(`added ${extra} synthetic clients in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const u = (await findUserByEmail(database.db, "manager@example.com"))!;
const actor = (await actorForUser(database.db, u.id, u.sessionVersion))!;
const rows = (await database.db.execute(sql`select count(*)::int as n from stage_assessments`)) as unknown as { rows: { n: number }[] };
const filters = { ...defaultRange(today), today };
const times: number[] = [];
for (let i = 0; i < 12; i++) {
  const t = performance.now();
  const p = await getPortfolio(database.db, actor, filters);
  times.push(performance.now() - t);
  if (!p) throw new Error("no portfolio");
}
const warm = times.slice(2).sort((a, b) => a - b);
const listTimes: number[] = [];
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  await listClientStatus(database.db, actor, { today });
  listTimes.push(performance.now() - t);
}
listTimes.sort((a, b) => a - b);
console.log(`client list (listClientStatus, whole firm): median ${listTimes[3].toFixed(1)} ms`);
console.log(`${database.kind}: ${rows.rows[0].n} stage assessments; getPortfolio first ${times[0].toFixed(1)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms`);
await database.close();
