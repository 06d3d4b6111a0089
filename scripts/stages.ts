// npm run --silent stages -- FILE [--rules RULES.json]
// Infers the stage history of every client in a check-in file (.csv or .json, shared/checkin-format.md)
// and prints it as JSON on stdout. No database. Exit 1 with one line per error on stderr for an
// invalid file (nothing on stdout); exit 2 for a missing file, an unsupported file type or a bad
// rules file. --rules takes a firm's thresholds as JSON, the keys of lib/stages/settings.ts
// (trialDays, routineMinPosts, highAutomation, fastResponseHours, confirmBackCheckIns); a key
// left out keeps its default.
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { once } from "node:events";
import path from "node:path";
import {
  readCsvStream, parseJson, formatErrorMessage, type Advocacy, type Attitude, type CheckInRecord, type FormatError,
  type Platform, type Promotion, type Replies, type Results, type Rhythm, type Tool,
} from "../lib/checkin-format";
import {
  DEFAULT_SETTINGS, inferStages, parseSettings, SETTING_BOUNDS, unknownKeys, type SettingsError, type StageInput, type StageSettings,
} from "../lib/stages";
import { JsonBytesWriter } from "./stages-output";
import { SLOTS, type WorkerInput, type WorkerMessage } from "./stages-worker";

function fail(code: number, lines: string[]): never {
  process.stderr.write(lines.join("\n") + "\n");
  process.exit(code);
}

interface Grouped {
  clients: string[];
  byClient: Map<string, StageInput[]>;
}

function group(): Grouped & { add(client: string, input: StageInput): void } {
  const clients: string[] = [];
  const byClient = new Map<string, StageInput[]>();
  return {
    clients,
    byClient,
    add(client, input) {
      let list = byClient.get(client);
      if (list === undefined) {
        list = [];
        byClient.set(client, list);
        clients.push(client);
      }
      list.push(input);
    },
  };
}

/** Read a CSV file: in two parts on two threads when it is large enough, else in one pass. */
async function readCsv(file: string): Promise<{ grouped: Grouped; errors: FormatError[] }> {
  const now = new Date();
  const size = statSync(file).size;
  if (size >= SPLIT_MIN_BYTES && process.env.STAGES_THREADS !== "1") {
    const split = splitPoint(file, Math.floor(size * SPLIT_SHARE));
    if (split > 0) {
      const r = await readCsvSplit(file, split, now);
      if (r !== null) return r;
    }
  }
  return readCsvPart(file, undefined, now);
}

const SPLIT_MIN_BYTES = Number(process.env.STAGES_SPLIT_MIN_BYTES ?? 8 << 20); // the env var is for tests
/** Share of the file the main thread reads: it also groups the worker's records. */
const SPLIT_SHARE = Number(process.env.STAGES_SPLIT_SHARE ?? 0.5);

function readCsvPart(file: string, end: number | undefined, now: Date): Promise<{ grouped: Grouped; errors: FormatError[] }> {
  const g = group();
  const stream = createReadStream(file, { highWaterMark: 1 << 20, end: end === undefined ? undefined : end - 1 });
  return readCsvStream(
    stream,
    (r) => {
      // Keep only what inference needs (the record is ours: readCsvStream made it for us).
      // Blanking (not deleting) keeps the object's shape fast and frees notes and names.
      const client = r.client;
      r.notes = null;
      r.consultant = null;
      r.client = "";
      g.add(client, r);
    },
    now,
    { shareLists: true },
  ).then((errors) => ({ grouped: g, errors }));
}

/**
 * The main thread reads bytes [0, split) while a worker reads [split, end) (stages-worker.ts);
 * split is the start of a line outside any quoted cell. The result is that of one pass: clients
 * in order of first appearance, each client's records in file order, all errors by line.
 * Returns null when the split cannot be trusted (the first part is malformed CSV, e.g. a quote
 * that is never closed, or the worker failed); the caller then reads the file in one pass.
 */
async function readCsvSplit(file: string, split: number, now: Date): Promise<{ grouped: Grouped; errors: FormatError[] } | null> {
  const worker = startWorker({ file, start: split, now: now.getTime() });
  // The worker's part, grouped by its client numbers; merged after the first part.
  const table: unknown[] = [];
  const names: string[] = [];
  const lists: StageInput[][] = [];
  const done = new Promise<{ errors: FormatError[]; header: boolean } | null>((resolve) => {
    worker.on("message", (m: WorkerMessage) => {
      if (m.type === "done") {
        resolve(m);
        return;
      }
      for (const v of m.values) table.push(v);
      for (const name of m.names) {
        names.push(name);
        lists.push([]);
      }
      decodeBatch(m.data, m.n, table, lists);
    });
    worker.on("error", () => resolve(null));
    worker.on("exit", () => resolve(null));
  });

  const first = await readCsvPart(file, split, now);
  splitStats = `split at byte ${split}: main thread's part read at ${seconds(performance.now() - started)}`;
  if (first.errors.some(isMalformed)) {
    await worker.terminate();
    return null;
  }
  const second = await done;
  splitStats += `, worker's at ${seconds(performance.now() - started)}; `;
  void worker.terminate();
  // csv-parse's own line count (in its malformed-CSV messages) is not the record line count, so
  // the second part's cannot be shifted: such a file is read again in one pass.
  if (second === null || !second.header || second.errors.some(isMalformed)) return null;

  if (first.errors.length > 0 || second.errors.length > 0) {
    const offset = second.errors.length > 0 ? linesBefore(file, split) : 0;
    const errors = first.errors.concat(second.errors.map((e) => (e.line === undefined ? e : { ...e, line: e.line + offset })));
    return { grouped: first.grouped, errors };
  }
  const { clients, byClient } = first.grouped;
  for (let c = 0; c < names.length; c++) {
    const name = names[c]!;
    const list = byClient.get(name);
    if (list === undefined) {
      byClient.set(name, lists[c]!);
      clients.push(name);
    } else {
      for (const r of lists[c]!) list.push(r);
    }
  }
  return first;
}

/**
 * The worker runs TypeScript like this process: tsx's loader hooks are per thread and `--import tsx`
 * is not applied to workers, so a small bootstrap registers tsx's ESM API in the worker and then
 * imports stages-worker.ts.
 */
function startWorker(input: WorkerInput): Worker {
  const tsxApi = createRequire(import.meta.url).resolve("tsx/esm/api");
  const script = new URL("./stages-worker.ts", import.meta.url).href;
  const api = JSON.stringify(pathToFileURL(path.join(tsxApi, "../index.mjs")).href);
  const boot = `import(${api}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(script)}));`;
  return new Worker(boot, { eval: true, workerData: input, stdout: false, stderr: false });
}

let splitStats = "";
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function isMalformed(e: FormatError): boolean {
  return e.column === null && e.message.startsWith("malformed CSV:");
}

function decodeBatch(data: Float64Array, n: number, table: unknown[], lists: StageInput[][]): void {
  for (let i = 0, o = 0; i < n; i++, o += SLOTS) {
    const mrh = data[o + 11]!;
    const followers = data[o + 14]!;
    // The same fields, in the same order, as the records readCsvStream makes (one object shape).
    const r = {
      client: "",
      date: table[data[o + 1]!] as string,
      consultant: null,
      accounts: table[data[o + 2]!] as Platform[],
      accountsSince: table[data[o + 3]!] as string | null,
      postsLast30d: data[o + 4]!,
      rhythm: table[data[o + 5]!] as Rhythm,
      automatedShare: data[o + 6]!,
      replies: table[data[o + 7]!] as Replies,
      promotion: table[data[o + 8]!] as Promotion,
      results: table[data[o + 9]!] as Results,
      tools: table[data[o + 10]!] as Tool[],
      mentionResponseHours: mrh === mrh ? mrh : null,
      advocacy: table[data[o + 12]!] as Advocacy,
      attitude: table[data[o + 13]!] as Attitude | null,
      followers: followers === followers ? followers : null,
      notes: null,
    } satisfies CheckInRecord;
    lists[data[o]!]!.push(r);
  }
}

/**
 * Where to split a file for reading in two parts: the first line start at or after `target`
 * with an even number of double quotes before it (outside quoted cells, if the CSV is well
 * formed; if it is not, the first part's parse says so). -1 if there is none.
 */
function splitPoint(file: string, target: number): number {
  return withFileBuffer(file, (fd, buf) => {
    let quotes = 0;
    let pos = 0;
    while (pos < target) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, target - pos), pos);
      if (got === 0) return -1;
      for (let i = buf.indexOf(34); i >= 0 && i < got; i = buf.indexOf(34, i + 1)) quotes++;
      pos += got;
    }
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, pos);
      if (got === 0) return -1;
      for (let i = 0; i < got; i++) {
        const c = buf[i]!;
        if (c === 34) quotes++;
        else if (c === 10 && (quotes & 1) === 0) {
          const split = pos + i + 1;
          // A BOM is skipped only at the start of a file: keep such a line in the first part.
          const next = i + 1 < got ? buf[i + 1] : readSync(fd, buf, 0, 1, split) === 1 ? buf[0] : -1;
          if (next === 0xef || next === -1) return -1;
          return split;
        }
      }
      pos += got;
    }
  });
}

/** Line breaks in bytes [0, end): CRLF, LF or a lone CR each count once (as record lines do). */
function linesBefore(file: string, end: number): number {
  return withFileBuffer(file, (fd, buf) => {
    let n = 0;
    let prevCr = false;
    for (let pos = 0, got = 1; pos < end && got > 0; pos += got) {
      got = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      for (let i = 0; i < got; i++) {
        const c = buf[i]!;
        if (c === 10) {
          if (!prevCr) n++;
          prevCr = false;
        } else if (c === 13) {
          n++;
          prevCr = true;
        } else prevCr = false;
      }
    }
    return n;
  });
}

/** Runs `fn` with the file open for reading and a 4 MB buffer, closing the file afterwards. */
function withFileBuffer<T>(file: string, fn: (fd: number, buf: Buffer) => T): T {
  const fd = openSync(file, "r");
  try {
    return fn(fd, Buffer.allocUnsafe(1 << 22));
  } finally {
    closeSync(fd);
  }
}

function readJson(file: string): { grouped: Grouped; errors: FormatError[] } {
  const g = group();
  const parsed = parseJson(readFileSync(file, "utf8"));
  if (!parsed.ok) return { grouped: g, errors: parsed.errors };
  for (const r of parsed.records) g.add(r.client, r);
  return { grouped: g, errors: [] };
}

async function writeOutput({ clients, byClient }: Grouped, settings: StageSettings): Promise<void> {
  const out = process.stdout;
  const slabs: Buffer[] = [];
  const w = new JsonBytesWriter((bytes) => slabs.push(bytes));
  const drain = async () => {
    for (const b of slabs.splice(0)) if (!out.write(b)) await once(out, "drain");
  };
  w.byte(91); // [
  for (let c = 0; c < clients.length; c++) {
    const client = clients[c]!;
    const entries = inferStages(byClient.get(client)!, { settings });
    byClient.delete(client);
    w.text((c === 0 ? '{"client":' : ',\n{"client":') + JSON.stringify(client) + ',"history":[');
    w.history(entries);
    w.text("]}");
    if (slabs.length > 0) await drain();
  }
  w.text("]\n");
  w.flushNow();
  await drain();
}

const USAGE = [
  "usage: npm run --silent stages -- FILE [--rules RULES]",
  "  FILE   a .csv or .json check-in file (shared/checkin-format.md)",
  "  RULES  a JSON file of a firm's stage rules, e.g. {\"trialDays\": 120, \"confirmBackCheckIns\": 3};",
  `         keys: ${Object.entries(SETTING_BOUNDS).map(([k, b]) => `${k} ${b.min}-${b.max} (default ${DEFAULT_SETTINGS[k as keyof StageSettings]})`).join(", ")}`,
];

function settingsProblem(file: string, e: SettingsError, input: unknown): string {
  if (e.code === "notObject") return `rules file ${file}: expected a JSON object of settings`;
  if (e.code === "unknownField") return `rules file ${file}: unknown setting(s) ${unknownKeys(input).map((k) => JSON.stringify(k)).join(", ")} (known: ${Object.keys(SETTING_BOUNDS).join(", ")})`;
  const b = SETTING_BOUNDS[e.field as keyof StageSettings];
  const range = `${b.min} to ${b.max}`;
  const what = e.code === "notNumber" ? "must be a number" : e.code === "notInteger" ? "must be a whole number" : `must be from ${range}`;
  return `rules file ${file}: ${e.field} ${what}${e.code === "notNumber" || e.code === "notInteger" ? ` (${range})` : ""}`;
}

/** The settings of a --rules file, or exit 2 naming the file and each bad field. */
function readRules(file: string): StageSettings {
  if (!existsSync(file) || !statSync(file).isFile()) fail(2, [`no such rules file: ${file}`]);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    fail(2, [`rules file ${file}: not valid JSON (${(err as Error).message})`]);
  }
  const parsed = parseSettings(input);
  if (!parsed.ok) fail(2, parsed.errors.map((e) => settingsProblem(file, e, input)));
  return parsed.settings;
}

/** FILE and --rules RULES (or --rules=RULES), in any order. */
function parseArgs(argv: string[]): { file: string; rules: string | null } {
  const rest: string[] = [];
  let rules: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") continue;
    if (a === "--help" || a === "-h") fail(2, USAGE);
    if (a === "--rules" || a.startsWith("--rules=")) {
      const v = a === "--rules" ? argv[++i] : a.slice("--rules=".length);
      if (!v || rules !== null) fail(2, USAGE);
      rules = v;
    } else if (a.startsWith("--")) fail(2, [`unknown option ${a}`, ...USAGE]);
    else rest.push(a);
  }
  if (rest.length !== 1) fail(2, USAGE);
  return { file: rest[0]!, rules };
}

async function main(): Promise<void> {
  const { file, rules } = parseArgs(process.argv.slice(2));
  const settings = rules === null ? DEFAULT_SETTINGS : readRules(rules);
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") fail(2, [`unsupported file type "${ext || path.basename(file)}": expected a .csv or .json file`]);
  if (!existsSync(file) || !statSync(file).isFile()) fail(2, [`no such file: ${file}`]);

  const { grouped, errors } = ext === ".csv" ? await readCsv(file) : readJson(file);
  if (errors.length > 0) fail(1, errors.map(formatErrorMessage));
  const records = [...grouped.byClient.values()].reduce((n, l) => n + l.length, 0);
  const readMs = performance.now() - started;
  const readCpu = process.cpuUsage();
  await writeOutput(grouped, settings);
  if (process.env.STAGES_STATS === "1") {
    const rss = process.resourceUsage().maxRSS / 1024;
    const cpu = process.cpuUsage();
    const secs = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1e6).toFixed(2);
    process.stderr.write(
      `stages: ${records} check-ins, ${grouped.clients.length} clients; ${splitStats}read+validate ${(readMs / 1000).toFixed(2)} s, ` +
        `infer+write ${((performance.now() - started - readMs) / 1000).toFixed(2)} s; ` +
        `CPU ${secs(cpu)} s (read ${secs(readCpu)} s); peak RSS ${rss.toFixed(0)} MB\n`,
    );
  }
}

const started = performance.now();
// A reader that stops early (| head) is not an error worth a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  fail(2, [`stages: ${err.message}`]);
});

main().catch((err: unknown) => fail(2, [`stages: ${(err as Error).message ?? String(err)}`]));
