// npm run --silent stages -- FILE
// Infers the stage history of every client in a check-in file (.csv or .json, shared/checkin-format.md)
// and prints it as JSON on stdout. No database. Exit 1 with one line per error on stderr for an
// invalid file (nothing on stdout); exit 2 for a missing file or an unsupported file type.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { readCsvStream, parseJson, formatErrorMessage, type FormatError } from "../lib/checkin-format";
import { inferStages, type StageInput } from "../lib/stages";
import { JsonBytesWriter } from "./stages-output";

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

async function readCsv(file: string): Promise<{ grouped: Grouped; errors: FormatError[] }> {
  const g = group();
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  const errors = await readCsvStream(
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
    undefined,
    { shareLists: true },
  );
  return { grouped: g, errors };
}

function readJson(file: string): { grouped: Grouped; errors: FormatError[] } {
  const g = group();
  const parsed = parseJson(readFileSync(file, "utf8"));
  if (!parsed.ok) return { grouped: g, errors: parsed.errors };
  for (const r of parsed.records) g.add(r.client, r);
  return { grouped: g, errors: [] };
}

async function writeOutput({ clients, byClient }: Grouped): Promise<void> {
  const out = process.stdout;
  const slabs: Buffer[] = [];
  const w = new JsonBytesWriter((bytes) => slabs.push(bytes));
  const drain = async () => {
    for (const b of slabs.splice(0)) if (!out.write(b)) await once(out, "drain");
  };
  w.byte(91); // [
  for (let c = 0; c < clients.length; c++) {
    const client = clients[c]!;
    const entries = inferStages(byClient.get(client)!);
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

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const file = args[0];
  if (file === undefined || args.length > 1) fail(2, ["usage: npm run --silent stages -- FILE   (FILE is a .csv or .json check-in file)"]);
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") fail(2, [`unsupported file type "${ext || path.basename(file)}": expected a .csv or .json file`]);
  if (!existsSync(file) || !statSync(file).isFile()) fail(2, [`no such file: ${file}`]);

  const { grouped, errors } = ext === ".csv" ? await readCsv(file) : readJson(file);
  if (errors.length > 0) fail(1, errors.map(formatErrorMessage));
  const records = [...grouped.byClient.values()].reduce((n, l) => n + l.length, 0);
  const readMs = performance.now() - started;
  const readCpu = process.cpuUsage();
  await writeOutput(grouped);
  if (process.env.STAGES_STATS === "1") {
    const rss = process.resourceUsage().maxRSS / 1024;
    const cpu = process.cpuUsage();
    const secs = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1e6).toFixed(2);
    process.stderr.write(
      `stages: ${records} check-ins, ${grouped.clients.length} clients; read+validate ${(readMs / 1000).toFixed(2)} s, ` +
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
