// Starting and stopping the production server for drills and benchmarks (chaos, upload memory).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the app (of this checkout, or of the one at `tree`) when its sources changed (scripts/start.mjs decides); exits on failure. */
export function buildApp(tree: string = root): void {
  const r = spawnSync(process.execPath, ["scripts/start.mjs", "--build-only"], { cwd: tree, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error("the build failed");
    process.exit(2);
  }
}

export interface AppProcess {
  base: string;
  /** The Node process that serves requests (scripts/server.mjs), for memory readings. */
  serverPid(): number | null;
  /** Sends the signal to the whole process group and waits until the server process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

function gone(pid: number): boolean {
  try {
    return /State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return true;
  }
}

/** Starts scripts/start.mjs (of this checkout, or of the one at `tree`) in its own process group and waits until /api/health answers. */
export async function startApp(port: number, env: Record<string, string | undefined>, tree: string = root): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: tree,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    base,
    serverPid() {
      const r = spawnSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" });
      const pid = Number(r.stdout.trim().split("\n")[0]);
      return Number.isFinite(pid) && pid > 0 ? pid : null;
    },
    async kill(signal) {
      const server = app.serverPid();
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      for (let i = 0; server && !gone(server) && i < 200; i++) await sleep(50);
    },
  };
  // Generous: a loaded 2-core machine can take a minute to start a production server.
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return app;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  await app.kill("SIGKILL");
  throw new Error("the app did not become healthy within 180 s");
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A cookie jar sent by hand: what a browser would send, to any port of the host. */
export type CookieJar = Map<string, string>;

/** Keeps a response's cookies in the jar; a cookie the server cleared leaves it. */
export function keepCookies(res: Response, jar: CookieJar): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    const value = pair!.slice(eq + 1);
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(pair!.slice(0, eq));
    else jar.set(pair!.slice(0, eq), value);
  }
}

/** The jar as a Cookie header. */
export const cookieHeader = (jar: CookieJar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Auth.js's credentials sign-in over HTTP (CSRF token and cookie first): the jar, where it redirected, and its status. */
export async function signInJar(base: string, email: string, password: string): Promise<{ jar: CookieJar; location: string; status: number }> {
  const jar: CookieJar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keepCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: base },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  keepCookies(res, jar);
  return { jar, location: res.headers.get("location") ?? "", status: res.status };
}

/** Signs in and returns the Cookie header; throws when no session cookie came back. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const { jar, status } = await signInJar(base, email, password);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`could not sign in as ${email} (HTTP ${status}): is the database seeded (npm run bench:seed, or the demo firm)?`);
  }
  return cookieHeader(jar);
}
