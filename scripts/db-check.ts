// `npm run db:check`: checks the configured database's invariants (stored stage history equals
// a recomputation, every check-in has its stage and audit row, ...). Exits 1 on any finding.
import { env } from "../lib/env";
import { openDatabase } from "../db";
import { checkConsistency } from "../db/queries/consistency";

async function main() {
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, purpose: "npm run db:check" });
  try {
    const findings = await checkConsistency(database.db);
    let bad = 0;
    for (const f of findings) {
      bad += f.count;
      console.log(`${f.count === 0 ? "ok  " : "FAIL"} ${f.rule}${f.count ? `: ${f.count} (e.g. ${f.examples.join(", ")})` : ""}`);
    }
    console.log(bad === 0 ? `The ${database.kind} database is consistent.` : `${bad} finding(s) in the ${database.kind} database.`);
    process.exitCode = bad === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
