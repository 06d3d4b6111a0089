// npx tsx scripts/bench-what-if.ts [--db postgres|pglite] [--runs 5]
// Times the Stage rules page's what-if preview (db/queries/rules.ts whatIf) for the measured firm
// of the benchmark database that `npm run bench:seed` writes (10,000 clients by default): the
// engine over every active client's check-ins with candidate rules, compared with the stored
// stages and agreement. Target (issue #13): under 2 seconds on PostgreSQL. Read-only.
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../db";
import { inFirm } from "../db/tenant";
import { whatIf } from "../db/queries/rules";
import { actorForUser, findUserByEmail } from "../db/queries/users";
import { DEFAULT_SETTINGS, type StageSettings } from "../lib/stages";
import { benchTarget, intFlag, managerEmail, MEASURED_FIRM, parseFlags, UsageError } from "./lib/bench-common";

// Rules that move many clients: a shorter trial, a higher bar for the routine, drops at once.
const CANDIDATE: StageSettings = { ...DEFAULT_SETTINGS, trialDays: 60, routineMinPosts: 6, confirmBackCheckIns: 1 };

async function main(): Promise<void> {
  const { values } = parseFlags(process.argv.slice(2), { values: ["db", "runs"], switches: [] });
  const target = benchTarget(values.get("db"));
  const runs = intFlag(values, "runs", 5, 1, 50);
  const database = await openDatabase(target.kind === "postgres" ? { url: target.url } : { pgliteDir: target.pgliteDir, purpose: "bench-what-if" });
  try {
    const user = await findUserByEmail(database.db, managerEmail(MEASURED_FIRM));
    const actor = user && (await actorForUser(database.db, user.id, user.sessionVersion));
    if (!actor) throw new UsageError(`no ${managerEmail(MEASURED_FIRM)} in this database: run npm run bench:seed first`);
    const [size] = await queryRows<{ clients: number; checkins: number }>(
      database.db,
      sql`select (select count(*)::int from clients where firm_id = ${actor.firmId}::uuid and not archived) as clients,
                 (select count(*)::int from check_ins where firm_id = ${actor.firmId}::uuid) as checkins`,
    );
    console.log(`what-if benchmark (${database.kind}): ${size!.clients.toLocaleString("en-US")} active clients, ${size!.checkins.toLocaleString("en-US")} check-ins in the firm`);
    const times: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      // As the page's server action runs it: in a transaction naming the firm.
      const out = await inFirm(database.db, actor.firmId, (tx) => whatIf(tx, actor, CANDIDATE));
      const ms = performance.now() - t0;
      if (!out?.ok) throw new Error("what-if refused the candidate rules");
      if (r === 0) {
        console.log(`  ${out.result.changed.toLocaleString("en-US")} of ${out.result.clients.toLocaleString("en-US")} clients would change stage; ` +
          `agreement with overrides ${pct(out.result.overrides.before.exactShare)} -> ${pct(out.result.overrides.after.exactShare)}; first run ${(ms / 1000).toFixed(2)} s (cold)`);
      } else times.push(ms);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`  what-if: median ${(median / 1000).toFixed(2)} s, best ${(times[0]! / 1000).toFixed(2)} s over ${runs} warm run(s)`);
    console.log(`  target < 2 s: ${median < 2000 ? "met" : "NOT met"}`);
  } finally {
    await database.close();
  }
}

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`bench-what-if: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
