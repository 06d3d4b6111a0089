// `npm run bench:upload [-- --mb 250]`: how much the server's memory grows while a client sends
// an upload far over the limit with chunked encoding (no Content-Length), the way the security
// review did: a tiny CSV plus a huge extra form field, and a huge bare CSV body. The server must
// stop reading at the limit (413) and grow by less than 50 MB.
import { rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../db";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { createToken } from "../db/queries/tokens";
import { actorForUser, findUserByEmail } from "../db/queries/users";
import { buildApp, root, rssMb, sleep, startApp } from "./lib/app-process";

const args = process.argv.slice(2);
const mb = Number(args[args.indexOf("--mb") + 1] ?? 250) || 250;
const PORT = 3960;
const PGLITE_DIR = path.join(root, ".data/bench-upload/pglite");

function chunked(parts: (string | { filler: number })[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let i = 0;
  let left = 0;
  return new ReadableStream({
    pull(controller) {
      if (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
        return;
      }
      const part = parts[i++];
      if (part === undefined) return controller.close();
      if (typeof part === "string") controller.enqueue(encoder.encode(part));
      else left = part.filler;
    },
  });
}

async function main() {
  buildApp();
  rmSync(path.dirname(PGLITE_DIR), { recursive: true, force: true });
  const database = await openDatabase({ pgliteDir: PGLITE_DIR, purpose: "npm run bench:upload" });
  await migrateDatabase(database);
  await seedDemo(database.db);
  const u = await findUserByEmail(database.db, "consultant@example.com");
  const actor = await actorForUser(database.db, u!.id, u!.sessionVersion);
  const { token } = await createToken(database.db, actor!, { name: "bench upload", expiresInDays: 1 });
  await database.close();

  const app = await startApp(PORT, { DATABASE_URL: "", PGLITE_DIR });
  try {
    const pid = app.serverPid();
    if (!pid) throw new Error("could not find the server process");
    // Warm up the import route so its code is loaded before the baseline is read.
    await fetch(`${app.base}/api/v1/import?dryRun=1`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: "client,date\n" });
    await sleep(1000);

    const bytes = mb * 1024 * 1024;
    const boundary = "----stageline-bench";
    const cases: [string, string, () => ReadableStream<Uint8Array>][] = [
      [
        `tiny CSV + ${mb} MB extra form field (multipart, chunked)`,
        `multipart/form-data; boundary=${boundary}`,
        () =>
          chunked([
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nclient,date,posts_last_30d,rhythm,replies,results\r\nA,2026-01-01,1,none,none,none\r\n`,
            `--${boundary}\r\nContent-Disposition: form-data; name="extra"\r\n\r\n`,
            { filler: bytes },
            `\r\n--${boundary}--\r\n`,
          ]),
      ],
      [`${mb} MB CSV body (chunked)`, "text/csv", () => chunked(["client,date,notes\nA,2026-01-01,", { filler: bytes }, "\n"])],
    ];
    for (const [name, type, body] of cases) {
      const before = rssMb(pid);
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
      const started = Date.now();
      let status = 0;
      try {
        const res = await fetch(`${app.base}/api/v1/import`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": type },
          body: body(),
          duplex: "half",
        } as RequestInit);
        status = res.status;
        await res.text();
      } catch (err) {
        // The server may close the connection once it has answered 413.
        status = status || -1;
        if (!(err instanceof TypeError)) throw err;
      }
      await sleep(500);
      clearInterval(timer);
      console.log(`${name}: status ${status}, ${Date.now() - started} ms, RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(1)} MB)`);
    }
  } finally {
    await app.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
