// What `npm run bench:seed` writes and `npm run bench:http` reads: which database, the logins
// (one password for all), and the flag parsing both use. Kept here so the two cannot drift.
import path from "node:path";

export const BENCH_PASSWORD = "stageline-bench";

/** The folder of the embedded benchmark database, unless PGLITE_DIR says otherwise. */
export const BENCH_PGLITE_DIR = ".data/bench-pglite";

/** Firm 1 is the measured firm; the others are the neighbours whose rows it must not pay for. */
export const MEASURED_FIRM = 1;

/** Consultants per firm; in the measured firm consultant 1 leads BIG_SHARE of the clients. */
export const CONSULTANTS = { measured: 5, other: 3 } as const;
export const BIG_SHARE = 0.6;
/** Client users (each linked to one of consultant 1's clients) per firm. */
export const CLIENT_USERS = { measured: 3, other: 1 } as const;

export const firmDomain = (firm: number) => `bench-${firm}.example`;
export const managerEmail = (firm: number) => `manager@${firmDomain(firm)}`;
export const consultantEmail = (firm: number, n: number) => `consultant${n}@${firmDomain(firm)}`;
export const clientUserEmail = (firm: number, n: number) => `client${n}@${firmDomain(firm)}`;

export type BenchDbKind = "postgres" | "pglite";

export interface BenchTarget {
  kind: BenchDbKind;
  url?: string;
  pgliteDir: string;
}

/**
 * `--db postgres` needs DATABASE_URL; `--db pglite` uses PGLITE_DIR or .data/bench-pglite (and
 * ignores DATABASE_URL); without --db, DATABASE_URL decides, as it does for the app.
 */
export function benchTarget(flag: string | undefined): BenchTarget {
  if (flag !== undefined && flag !== "postgres" && flag !== "pglite") throw new UsageError(`--db must be postgres or pglite, got "${flag}"`);
  const url = process.env.DATABASE_URL || undefined;
  const pgliteDir = path.resolve(process.env.PGLITE_DIR || BENCH_PGLITE_DIR);
  const kind: BenchDbKind = (flag as BenchDbKind | undefined) ?? (url ? "postgres" : "pglite");
  if (kind === "postgres" && !url) throw new UsageError("--db postgres needs DATABASE_URL=postgres://… (the owner's login: the seed writes past row-level security)");
  if (kind === "pglite" && pgliteDir.startsWith("memory:")) throw new UsageError("PGLITE_DIR must be a folder here: the server has to open what the seed wrote");
  return kind === "postgres" ? { kind, url, pgliteDir } : { kind, pgliteDir };
}

/** A mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/**
 * `--name value` flags. Unknown flags and flags without a value are errors, so a typo never
 * silently runs the default benchmark.
 */
export function parseFlags(argv: string[], known: { values: string[]; switches: string[] }): { values: Map<string, string>; switches: Set<string> } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") continue;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new UsageError(`unexpected argument "${a}"`);
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (known.switches.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (known.values.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      values.set(name, v);
    } else {
      throw new UsageError(`unknown option --${name} (known: ${[...known.values, ...known.switches].map((k) => `--${k}`).join(", ")})`);
    }
  }
  return { values, switches };
}

/** A whole number flag within bounds, or the default. */
export function intFlag(values: Map<string, string>, name: string, def: number, min: number, max: number): number {
  const raw = values.get(name);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
