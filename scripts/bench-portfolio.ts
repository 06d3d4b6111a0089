// Times getPortfolio for the demo firm: `npx tsx scripts/bench-portfolio.ts` (in-memory PGlite),
// or with BENCH_DATABASE_URL=postgres://... (a scratch database: it is reset and seeded).
import { sql } from "drizzle-orm";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";
import { resetDatabase, seedDemo } from "../db/seed";
import { findUserByEmail, actorForSession } from "../db/queries/users";
import { defaultRange, getPortfolio } from "../db/queries/portfolio";

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : { pgliteDir: "memory://" });
await migrateDatabase(database);
if (url) await resetDatabase(database.db);
const today = new Date().toISOString().slice(0, 10);
await seedDemo(database.db, { today });
const u = (await findUserByEmail(database.db, "manager@example.com"))!;
const actor = (await actorForSession(database.db, u.id, u.sessionVersion))!;
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
console.log(`${database.kind}: ${rows.rows[0].n} stage assessments; getPortfolio first ${times[0].toFixed(1)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(1)} ms, max ${warm.at(-1)!.toFixed(1)} ms`);
await database.close();
