// `npm run bench:checkin -- [--db postgres|pglite] [--count 300] [--warmup 20] [--offset 0]`
//
// One check-in at a time through the API's POST handler, called directly (no HTTP, no Next.js):
// what a single write costs the database layer, and how many statements it sends. The same
// database `npm run bench:seed` filled (DATABASE_URL = PostgreSQL, else PGLITE_DIR or
// .data/bench-pglite); consultant 1 of the measured firm writes, as the app's role (row-level
// security on), with a token made here. Each check-in goes to the next of consultant 1's clients
// from --offset on, so no client collects a pile of same-day check-ins (each one rewrites the
// client's history from its date, so a pile would measure a different thing). Prints ms and Node
// CPU per check-in and statements per check-in. Like bench:http's POST scenario it adds real
// check-ins dated today: move --offset between runs, and `bench:seed --reset` to start clean.
// Compare builds by running it on each in turn, a few times, in the same hour.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, restrictToAppRole, type Database } from "../db";
import { createToken } from "../db/queries/tokens";
import { actorForUser, findUserByEmail } from "../db/queries/users";
import { createCheckInEndpoint } from "../lib/api/handlers/checkins";
import { isoDay } from "../lib/validation/primitives";
import { UsageError, benchTarget, consultantEmail, intFlag, MEASURED_FIRM, parseFlags } from "./lib/bench-common";

const USAGE = "npm run bench:checkin -- [--db postgres|pglite] [--count 300] [--warmup 20] [--offset 0]";

const flags = (() => {
  try {
    const { values } = parseFlags(process.argv.slice(2), { values: ["db", "count", "warmup", "offset"], switches: [] });
    return {
      target: benchTarget(values.get("db")),
      count: intFlag(values, "count", 300, 1, 100_000),
      warmup: intFlag(values, "warmup", 20, 0, 10_000),
      offset: intFlag(values, "offset", 0, 0, 1_000_000),
    };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:checkin: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

// Statements sent: PGlite's Parse ("P") and simple Query ("Q") messages, node-postgres's queries.
let statements = 0;
const pgliteRaw = PGlite.prototype.execProtocolRaw;
PGlite.prototype.execProtocolRaw = function (this: PGlite, message: Uint8Array, options?: Parameters<typeof pgliteRaw>[1]) {
  if (message[0] === 0x50 || message[0] === 0x51) statements++;
  return pgliteRaw.call(this, message, options);
};
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const { target } = flags;
const APP_ROLE = process.env.DATABASE_APP_ROLE || "stageline_app";
// The owner finds the consultant and makes the token; the writes run as the app's role.
const owner: Database = await openDatabase(target.kind === "postgres" ? { url: target.url } : { pgliteDir: target.pgliteDir, purpose: "bench:checkin", role: APP_ROLE });
const user = await findUserByEmail(owner.db, consultantEmail(MEASURED_FIRM, 1));
const actor = user && (await actorForUser(owner.db, user.id, user.sessionVersion));
if (!actor) throw new Error(`${consultantEmail(MEASURED_FIRM, 1)} not found: run npm run bench:seed first.`);
const { token } = await createToken(owner.db, actor, { name: "bench:checkin", expiresInDays: 1 });
const clientIds = (
  await queryRows<{ id: string }>(owner.db, sql`select client_id as id from assignments where consultant_id = ${actor.id} order by client_id`)
).map((r) => r.id);
if (clientIds.length === 0) throw new Error("consultant 1 has no clients: run npm run bench:seed first.");
let app = owner;
if (target.kind === "pglite") await restrictToAppRole(owner);
else app = await openDatabase({ url: target.url, role: APP_ROLE });

const body = JSON.stringify({
  date: isoDay(), accounts: ["facebook", "instagram"], posts_last_30d: 12, rhythm: "scheduled", automated_share: 0.1, replies: "consistent",
  promotion: "light", results: "some", tools: ["scheduling"], mention_response_hours: 12, advocacy: "none", attitude: "comfortable", followers: 400,
  notes: "bench:checkin",
});
const deps = { db: app.db, sessionActor: async () => null, limits: { windowSeconds: 60, perToken: 1e9, perIp: 1e9 } };
let turn = flags.offset;
async function checkIn(): Promise<void> {
  const id = clientIds[turn++ % clientIds.length]!;
  const req = new Request(`http://bench.local/api/v1/clients/${id}/checkins`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": "10.0.0.1" },
    body,
  });
  const res = await createCheckInEndpoint(deps, req, { id });
  if (res.status !== 201) throw new Error(`POST for client ${id}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  await res.text();
}

for (let i = 0; i < flags.warmup; i++) await checkIn();
statements = 0;
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < flags.count; i++) {
  const t = performance.now();
  await checkIn();
  times.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
console.log(
  `bench:checkin, ${target.kind}, ${flags.count} check-ins from client ${flags.offset}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, ` +
    `mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms, Node CPU ${((cpu.user + cpu.system) / 1000 / flags.count).toFixed(2)} ms, ` +
    `${(statements / flags.count).toFixed(1)} statements per check-in`,
);
if (app !== owner) await app.close();
await owner.close();
