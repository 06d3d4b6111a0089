// EXPLAIN (ANALYZE, BUFFERS) of every portfolio and list statement, as the app runs them: as
// stageline_app inside the measured firm's transaction (row-level security on), on a database
// filled by `npm run bench:seed`. PostgreSQL only (auto_explain sends each plan to this client).
// Prints markdown; `--write` replaces the plans section of docs/performance.md.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/stageline_bench npx tsx scripts/explain-plans.ts [--write]
// PLAN_TIMING=off leaves out each node's timing: the headings then give what each statement takes
// (timing every node took about half as long again on this machine's virtual clock).
import { readFileSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "../db/schema";
import type { Db } from "../db";
import { defaultRange, portfolioClientsPage } from "../db/queries/portfolio";
import { cohortClients } from "../db/queries/insight/cohorts";
import { agreementClients } from "../db/queries/insight/agreement";
import { portfolioPageData } from "../db/queries/portfolio-page";
import { PORTFOLIO_NAMES_SHOWN } from "../lib/portfolio/types";
import { getClientStatus, listClientPage, listClientStatusPage } from "../db/queries/client-status";
import type { Actor } from "../lib/auth/permissions";
import { consultantEmail, managerEmail, MEASURED_FIRM } from "./lib/bench-common";

const url = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database filled by npm run bench:seed.");

const plans: { label: string; text: string }[] = [];
let label = "";
const client = new pg.Client({ connectionString: url });
await client.connect();
client.on("notice", (n) => {
  if (n.message?.includes("Query Text:") && !n.message.includes("set_config('app.firm_id'")) plans.push({ label, text: n.message });
});
const actorOf = async (email: string): Promise<Actor> => {
  const { rows } = await client.query("select id, firm_id, role, client_id, email, name from users where lower(email) = lower($1)", [email]);
  if (!rows[0]) throw new Error(`${email} not found: run npm run bench:seed first.`);
  const u = rows[0];
  return { id: u.id, firmId: u.firm_id, role: u.role, clientId: u.client_id, email: u.email, name: u.name };
};
const manager = await actorOf(managerEmail(MEASURED_FIRM));
const consultant = await actorOf(consultantEmail(MEASURED_FIRM, 1));
// A firm of 1,000 among the others: its statements must not read the other firms' rows.
const smallManager = await actorOf(managerEmail(MEASURED_FIRM + 1));
const smallConsultant = await actorOf(consultantEmail(MEASURED_FIRM + 1, 1));
const { rows: counts } = await client.query("select (select count(*) from clients where firm_id = $1)::int as clients, (select count(*) from check_ins where firm_id = $1)::int as check_ins, (select count(*) from clients)::int as all_clients", [manager.firmId]);
const { rows: sample } = await client.query("select id from clients where firm_id = $1 order by id limit 1", [manager.firmId]);

// The cursor of consultant 1's last API page: the key of the 51st row from the end.
const { rows: lastKeys } = await client.query(
  "select c.name_key as n, c.id from clients c join assignments a on a.client_id = c.id where c.firm_id = $1 and a.consultant_id = $2 and not c.archived order by c.name_key desc, c.id desc offset 50 limit 1",
  [consultant.firmId, consultant.id],
);
const lastCursor = { n: lastKeys[0].n as string, id: lastKeys[0].id as string };

/** A firm's largest cohort (the month of most first check-ins), for a cohort drill-down. */
const largestCohort = async (firmId: string): Promise<string> => {
  const { rows } = await client.query(
    "select first, count(*) as n from (select to_char(min(started), 'YYYY-MM') as first from stage_spells where firm_id = $1 group by client_id) f group by first order by n desc, first limit 1",
    [firmId],
  );
  return rows[0].first as string;
};
const cohort = await largestCohort(manager.firmId);
const smallCohort = await largestCohort(smallManager.firmId);

await client.query("LOAD 'auto_explain'");
await client.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET auto_explain.log_timing = ${process.env.PLAN_TIMING === "off" ? "off" : "on"}; SET client_min_messages = log`);
await client.query("SET ROLE stageline_app");
const db = drizzle({ client, schema }) as unknown as Db;
const today = new Date().toISOString().slice(0, 10);

async function run(name: string, firmId: string, fn: (tx: Db) => Promise<unknown>) {
  label = name;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.firm_id', ${firmId}, true)`);
    await fn(tx as unknown as Db);
  });
}
// Twice each: the first warms the cache, the second's plans are kept.
for (const keep of [false, true]) {
  const start = plans.length;
  await run("portfolio page (manager, default range)", manager.firmId, (tx) => portfolioPageData((read) => read(tx), manager, { ...defaultRange(today), today }, PORTFOLIO_NAMES_SHOWN));
  await run("/clients page 1 (consultant 1)", consultant.firmId, (tx) => listClientPage(tx, consultant, { today }, 1));
  await run("/clients page 100 (consultant 1)", consultant.firmId, (tx) => listClientPage(tx, consultant, { today }, 100));
  await run("GET /api/v1/clients first page (consultant 1)", consultant.firmId, (tx) => listClientStatusPage(tx, consultant, { limit: 50, today }));
  await run("GET /api/v1/clients last page (consultant 1)", consultant.firmId, (tx) => listClientStatusPage(tx, consultant, { limit: 50, today, after: lastCursor }));
  const range = { ...defaultRange(today), today };
  await run("portfolio drill-down: clients in stage 3 now, page 1 (manager)", manager.firmId, (tx) => portfolioClientsPage(tx, manager, range, { kind: "stage", stage: 3 }, 1));
  await run("portfolio drill-down: all clients, page 80 (manager)", manager.firmId, (tx) => portfolioClientsPage(tx, manager, range, { kind: "all" }, 80));
  await run(`cohort drill-down: the ${cohort} cohort at month 0, page 1 (manager)`, manager.firmId, (tx) => cohortClients(tx, manager, { from: `${cohort}-01`, to: today, today }, cohort, 0, 1));
  await run("agreement drill-down: overrides that differ, page 1 (manager)", manager.firmId, (tx) => agreementClients(tx, manager, {}, { against: "override", disagreeOnly: true }, 1));
  await run("one client's status (manager)", manager.firmId, (tx) => getClientStatus(tx, manager, sample[0].id, today));
  await run("portfolio page of a 1,000-client firm (its manager)", smallManager.firmId, (tx) => portfolioPageData((read) => read(tx), smallManager, { ...defaultRange(today), today }, PORTFOLIO_NAMES_SHOWN));
  await run("/clients page 1 of a 1,000-client firm (its manager)", smallManager.firmId, (tx) => listClientPage(tx, smallManager, { today }, 1));
  await run("GET /api/v1/clients first page of a 1,000-client firm (its consultant 1)", smallConsultant.firmId, (tx) => listClientStatusPage(tx, smallConsultant, { limit: 50, today }));
  await run("portfolio drill-down of a 1,000-client firm: clients in stage 3 now, page 1 (its manager)", smallManager.firmId, (tx) => portfolioClientsPage(tx, smallManager, range, { kind: "stage", stage: 3 }, 1));
  await run(`cohort drill-down of a 1,000-client firm: the ${smallCohort} cohort at month 0, page 1 (its manager)`, smallManager.firmId, (tx) => cohortClients(tx, smallManager, { from: `${smallCohort}-01`, to: today, today }, smallCohort, 0, 1));
  await run("agreement drill-down of a 1,000-client firm: overrides that differ, page 1 (its manager)", smallManager.firmId, (tx) => agreementClients(tx, smallManager, {}, { against: "override", disagreeOnly: true }, 1));
  if (!keep) plans.splice(start);
}
await client.end();

const seqScans = (small: boolean) => {
  const found = new Set<string>();
  for (const p of plans) if (p.label.includes("1,000-client") === small) for (const m of p.text.matchAll(/Seq Scan on (\w+)/g)) found.add(m[1]!);
  return found.size ? [...found].map((t) => `\`${t}\``).join(", ") : "none";
};
const body = [
  `Measured firm: ${counts[0].clients} clients, ${counts[0].check_ins} check-ins; ${counts[0].all_clients} clients in the database. Run as \`stageline_app\` in the firm's transaction (row-level security on), second of two runs.`,
  "",
  `Sequential scans in the measured firm's plans: ${seqScans(false)} (the firm holds over half of the database's rows, where reading the table is cheaper than the index). In the 1,000-client firm's plans: ${seqScans(true)}.`,
  "",
  ...plans.map((p) => {
    const [, text = p.text] = p.text.split(/Query Text:/);
    const [query, ...plan] = text.split("\n");
    const ms = /duration: ([\d.]+) ms/.exec(p.text)?.[1];
    return `### ${p.label}: ${ms} ms\n\n\`\`\`\n${query!.trim().replace(/\s+/g, " ").slice(0, 160)}…\n${plan.join("\n")}\n\`\`\`\n`;
  }),
].join("\n");

if (process.argv.includes("--write")) {
  const doc = "docs/performance.md";
  const text = readFileSync(doc, "utf8");
  const head = text.indexOf("## Query plans");
  writeFileSync(doc, `${head >= 0 ? text.slice(0, head) : `${text}\n`}## Query plans\n\nMade by \`npx tsx scripts/explain-plans.ts --write\`.\n\n${body}`);
  console.log(`${plans.length} plans written to ${doc}`);
} else {
  console.log(body);
}
