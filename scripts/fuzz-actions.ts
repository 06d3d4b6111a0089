// `npm run fuzz:actions [-- --runs N --seed S]`: arbitrary input thrown at every server action
// of a production build, over HTTP as a browser (or an attacker) would send it, signed in as
// each role and signed out. No answer may be a 5xx. Server actions are public POST endpoints:
// whatever the form would never send, the action must refuse with a clear answer.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { buildApp, root, signIn, startApp } from "./lib/app-process";
import { DEMO_PASSWORD } from "../db/seed";

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = opt("runs", 10_000);
const SEED = args.includes("--seed") ? opt("seed", 0) : undefined;
const PORT = opt("port", 3970);
const PGLITE_DIR = path.join(root, ".data/fuzz-actions/pglite");

interface Action {
  id: string;
  name: string;
  /** A page the action is reachable from, with its [params] still in it. */
  route: string;
}

function actions(): Action[] {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, dist, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => {
    const worker = Object.keys(v.workers)[0]!;
    const route = "/" + worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/");
    return { id, name: v.exportedName ?? id.slice(0, 8), route };
  });
}

const LOGINS = { manager: "manager@example.com", consultant: "consultant@example.com", client: "client@example.com" } as const;
type Who = keyof typeof LOGINS | "anonymous";


const nasty = fc.constantFrom("\u0000", "a\u0000b", "\ud800", "99999999999999999999", "-1", "NaN", "", " ", "2026-02-30", "9999-12-31", "=1+1", "../", "' or 1=1 --", "🙂");
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), nasty, fc.uuid());
const KEYS = ["clientId", "checkInId", "id", "userId", "tokenId", "overrideId", "name", "email", "role", "stage", "reason", "internal", "note", "date", "posts_last_30d", "rhythm", "replies", "results", "automated_share", "followers", "notes", "archived", "active", "consultantId", "password", "token", "version", "idempotencyKey", "expiresInDays", "industry"];
const form = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(text, fc.constant("__real_client__"), fc.constant("__real_checkin__")), { maxKeys: 8 });
// React's encoding of the call's arguments: the form alone, or (useActionState) the previous state
// and the form, plus shapes no form sends. Text that is not the encoding at all is Next's decoder's
// business before any action runs, and is left out.
const argsShape = fc.constantFrom('["$K1"]', '["$undefined","$K1"]', '[{},"$K1"]', '[null,"$K1"]', "[]", '["$K1","$K1","$K1"]', '[{"error":"x"},"$K1"]', '[1,2]');
const who = fc.constantFrom<Who>("manager", "consultant", "client", "anonymous");

async function main() {
  buildApp();
  rmSync(path.dirname(PGLITE_DIR), { recursive: true, force: true });
  const app = await startApp(PORT, { DATABASE_URL: "", PGLITE_DIR });
  const failures: string[] = [];
  try {
    const base = app.base;
    const cookies: Record<Who, string> = { anonymous: "", manager: "", consultant: "", client: "" };
    for (const [role, email] of Object.entries(LOGINS)) cookies[role as Who] = await signIn(base, email, DEMO_PASSWORD);
    const clients = (await (await fetch(`${base}/api/v1/clients?limit=3`, { headers: { cookie: cookies.consultant } })).json()) as { data: { id: string }[] };
    const clientId = clients.data[0]!.id;
    const checkIns = (await (await fetch(`${base}/api/v1/clients/${clientId}/checkins?limit=1`, { headers: { cookie: cookies.consultant } })).json()) as { data: { id: string }[] };
    const checkInId = checkIns.data[0]?.id ?? clientId;
    const list = actions();
    console.log(`${list.length} server actions: ${list.map((a) => a.name).join(", ")}`);

    const send = async (a: Action, w: Who, fields: Record<string, string>, shape: string, big = 0) => {
      const url = base + a.route.replace("[clientId]", clientId).replace("[checkInId]", checkInId).replace("[token]", "not-a-token");
      const body = new FormData();
      body.set("0", shape);
      for (const [k, v] of Object.entries(fields)) body.set(`1_${k}`, v === "__real_client__" ? clientId : v === "__real_checkin__" ? checkInId : v);
      if (big > 0) body.set("1_notes", "x".repeat(big));
      const res = await fetch(url, { method: "POST", redirect: "manual", headers: { "next-action": a.id, origin: base, cookie: cookies[w], accept: "text/x-component" }, body });
      const text = await res.text();
      return { status: res.status, text };
    };

    // A body over Next's server-action limit must be refused clearly, not crash the action.
    for (const a of list) {
      const r = await send(a, "consultant", {}, '["$K1"]', 2 * 1024 * 1024);
      if (r.status >= 500) failures.push(`${a.name} with a 2 MB body: ${r.status} ${r.text.slice(0, 120)}`);
    }

    const result = await fc.check(
      fc.asyncProperty(fc.integer({ min: 0, max: list.length - 1 }), who, form, argsShape, async (i, w, fields, shape) => {
        const a = list[i]!;
        const r = await send(a, w, fields, shape);
        if (r.status >= 500) {
          failures.push(`${a.name} as ${w} with ${JSON.stringify(fields).slice(0, 160)} args ${shape}: ${r.status} ${r.text.slice(0, 160)}`);
          return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`${result.numRuns} cases (seed ${result.seed}), ${failures.length} answered 5xx`);
  } finally {
    await app.kill("SIGTERM");
  }
  for (const f of [...failures.filter((f) => !f.includes("2 MB body")), ...failures.filter((f) => f.includes("2 MB body"))].slice(0, 10)) console.log(`FAIL ${f}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
