// `npm run bench:ab -- --other DIR [--path /portfolio] [--as manager|consultant|client] [--n 300] [--warmup 20] [--port 3971]`
//
// Two builds of the app, one page, one database: this checkout and another (a `git worktree` of
// an earlier commit, say, with its own `node_modules`), each as a production server on the
// PostgreSQL database at DATABASE_URL that `npm run bench:seed` filled. The requests alternate one
// by one, each pair in turns starting with either build, so both see the same moments of a shared
// machine. Back-to-back `bench:http` runs of two builds on this 2-core machine swing by 10 to 20%
// from one minute to the next, more than the change being measured; interleaving takes that out.
// Prints each build's p50 and p95 and in how many pairs this checkout was the faster of the two.
// PostgreSQL only: PGlite's data folder takes one server at a time.
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildApp, root, signIn, startApp, type AppProcess } from "./lib/app-process";
import { BENCH_PASSWORD, clientUserEmail, consultantEmail, intFlag, managerEmail, MEASURED_FIRM, parseFlags, UsageError } from "./lib/bench-common";

const USAGE = "npm run bench:ab -- --other DIR [--path /portfolio] [--as manager|consultant|client] [--n 300] [--warmup 20] [--port 3971]";
const AS = { manager: managerEmail(MEASURED_FIRM), consultant: consultantEmail(MEASURED_FIRM, 1), client: clientUserEmail(MEASURED_FIRM, 1) } as const;

const flags = (() => {
  try {
    const { values } = parseFlags(process.argv.slice(2), { values: ["other", "path", "as", "n", "warmup", "port"], switches: [] });
    const other = values.get("other");
    if (!other) throw new UsageError("--other is required: the checkout to compare with");
    const tree = path.resolve(other);
    if (!existsSync(path.join(tree, "scripts", "start.mjs")) || !existsSync(path.join(tree, "node_modules"))) {
      throw new UsageError(`${tree} is not a checkout of the app with its node_modules`);
    }
    const as = values.get("as") ?? "manager";
    if (!(as in AS)) throw new UsageError(`--as must be one of ${Object.keys(AS).join(", ")}`);
    const page = values.get("path") ?? "/portfolio";
    if (!page.startsWith("/")) throw new UsageError("--path must start with /");
    if (!process.env.DATABASE_URL) throw new UsageError("set DATABASE_URL to the PostgreSQL database bench:seed filled");
    return { tree, as: as as keyof typeof AS, page, n: intFlag(values, "n", 300, 10, 100_000), warmup: intFlag(values, "warmup", 20, 0, 10_000), port: intFlag(values, "port", 3971, 1024, 65_000) };
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`bench:ab: ${err.message}\nusage: ${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
})();

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(p * (s.length - 1))]!;
};

process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
buildApp();
buildApp(flags.tree);
const servers: { name: string; app: AppProcess; cookie: string; ms: number[] }[] = [];
try {
  for (const [name, tree, port] of [["this", root, flags.port], ["other", flags.tree, flags.port + 1]] as const) {
    const app = await startApp(port, {}, tree);
    servers.push({ name, app, cookie: "", ms: [] });
    servers.at(-1)!.cookie = await signIn(app.base, AS[flags.as], BENCH_PASSWORD);
  }
  for (let i = 0; i < flags.warmup + flags.n; i++) {
    for (const s of i % 2 === 0 ? servers : [...servers].reverse()) {
      const t0 = performance.now();
      const res = await fetch(s.app.base + flags.page, { headers: { cookie: s.cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${s.name}: GET ${flags.page} answered ${res.status}`);
      if (i >= flags.warmup) s.ms.push(performance.now() - t0);
    }
  }
} finally {
  for (const s of servers) await s.app.kill("SIGTERM");
}
const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
const faster = a.ms.filter((m, i) => m < b.ms[i]!).length;
console.log(`bench:ab: GET ${flags.page} as the ${flags.as}, ${flags.n} pairs after ${flags.warmup} unrecorded`);
for (const s of servers) console.log(`  ${s.name === "this" ? "this checkout" : flags.tree}: p50 ${quantile(s.ms, 0.5).toFixed(1)} ms, p95 ${quantile(s.ms, 0.95).toFixed(1)} ms`);
console.log(`  this checkout was faster in ${faster} of ${a.ms.length} pairs; p50 ratio ${(quantile(a.ms, 0.5) / quantile(b.ms, 0.5)).toFixed(2)}`);
