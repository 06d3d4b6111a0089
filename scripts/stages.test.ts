// The stages command as a child process: output on stdout, errors on stderr, exit codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inferStages } from "../lib/stages";
import { parseCsv, serializeJson } from "../lib/checkin-format";

const SCRIPT = path.join(import.meta.dirname, "stages.ts");
const ROOT = path.join(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "stages-cli-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(file: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", SCRIPT, file], { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const HEADER = "client,date,accounts,accounts_since,posts_last_30d,rhythm,automated_share,replies,promotion,results,tools,mention_response_hours,advocacy,attitude,notes";
const VALID = [
  HEADER,
  `Rosa's Bakery,2025-01-10,,,0,none,0,none,none,none,,,none,dismissive,"Says customers come in, why tweet"`,
  `"Hardware, Inc.",2025-02-01,facebook;instagram,2023-01-01,12,scheduled,0.1,consistent,light,some,scheduling,,none,comfortable,`,
  `Rosa's Bakery,2025-03-02,facebook;x;blog,,3,sporadic,0.7,none,none,none,,,none,hopeful,"Blog synced
to Facebook"`,
  `"Hardware, Inc.",2025-03-01,facebook;instagram,2023-01-01,14,scheduled,0.1,consistent,light,clear,analytics;monitoring,2,none,enthusiastic,`,
  `Rosa's Bakery,2025-07-01,facebook;x;blog,,2,Sporadic,0.8,SOME,none,none,,,none,frustrated,`,
].join("\n") + "\n";

const INVALID = [
  HEADER,
  `A,2025-01-10,,,0,none,0,none,none,none,,,none,,`,
  `B,2025-01-10,,,0,weekly,0,none,none,none,,,none,,`,
  `C,2025-01-10,myspace,,-2,none,0,none,none,none,,,none,,`,
].join("\n") + "\n";

let valid: Run, validJson: Run, invalid: Run, empty: Run, headerOnly: Run, missing: Run, wrongType: Run;

beforeAll(async () => {
  const parsed = parseCsv(VALID);
  if (!parsed.ok) throw new Error("fixture must be valid");
  [valid, validJson, invalid, empty, headerOnly, missing, wrongType] = await Promise.all([
    run(file("valid.csv", VALID)),
    run(file("valid.json", serializeJson(parsed.records))),
    run(file("invalid.csv", INVALID)),
    run(file("empty.csv", "")),
    run(file("header.csv", HEADER + "\n")),
    run(path.join(dir, "nope.csv")),
    run(file("data.txt", VALID)),
  ]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run stages -- FILE", () => {
  it("prints every client's history, clients in order of first appearance", () => {
    expect(valid.stderr).toBe("");
    expect(valid.code).toBe(0);
    const out = JSON.parse(valid.stdout) as { client: string; history: { date: string; stage: number; confidence: number; reasons: string[]; missing: string[] }[] }[];
    expect(out.map((c) => c.client)).toEqual(["Rosa's Bakery", "Hardware, Inc."]);
    expect(out[0]!.history.map((h) => [h.date, h.stage])).toEqual([["2025-01-10", 1], ["2025-03-02", 2], ["2025-07-01", 3]]);
    expect(out[1]!.history.map((h) => [h.date, h.stage])).toEqual([["2025-02-01", 4], ["2025-03-01", 5]]);
    expect(out[0]!.history[0]).toEqual({
      date: "2025-01-10", stage: 1, confidence: 1,
      reasons: ["no accounts", "no posts in the last 30 days", "comes across as dismissive"],
      missing: ["an account on at least one platform"],
    });
    // Same as the engine called directly.
    const parsed = parseCsv(VALID);
    if (!parsed.ok) throw new Error("unreachable");
    const rosa = inferStages(parsed.records.filter((r) => r.client === "Rosa's Bakery")).map(({ index: _i, ...e }) => e);
    expect(out[0]!.history).toEqual(rosa);
  });

  it("gives the same output for the same data as JSON", () => {
    expect(validJson.code).toBe(0);
    expect(validJson.stdout).toBe(valid.stdout);
  });

  it("rejects an invalid file with one line per error and nothing on stdout", () => {
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr.trimEnd().split("\n")).toEqual([
      'line 3, column rhythm: expected none, sporadic or scheduled, got "weekly"',
      'line 4, column accounts: unknown platform "myspace": expected facebook, x, instagram, linkedin, tiktok, youtube, pinterest, blog or other',
      'line 4, column posts_last_30d: expected a whole number from 0 to 10000, got "-2"',
    ]);
  });

  it("rejects an empty file", () => {
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toBe("empty file: expected a header row\n");
  });

  it("prints an empty array for a header-only file", () => {
    expect(headerOnly.code).toBe(0);
    expect(headerOnly.stdout).toBe("[]\n");
  });

  it("exits 2 for a missing file or an unsupported file type", () => {
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('unsupported file type ".txt"');
    expect(missing.stdout + wrongType.stdout).toBe("");
  });
});

// Large CSV files are read in two halves on two threads; these knobs make a small file split,
// so the split path must give exactly what one pass gives: same output, same errors, same lines.
describe("reading a CSV in two halves", () => {
  const split = { STAGES_SPLIT_MIN_BYTES: "1" };
  const onePass = { STAGES_THREADS: "1" };
  const many = [HEADER];
  for (let i = 0; i < 60; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    many.push(`"Client ${i % 7}, Ltd",${2020 + Math.floor(i / 12)}-${month}-0${(i % 9) + 1},facebook;x,,${i % 30},${i % 3 ? "scheduled" : "sporadic"},0.${i % 10},consistent,light,some,analytics,5,none,,"note ${i}
second ""line"""`);
  }
  const big = many.join("\n") + "\n";

  for (const share of ["0.2", "0.5", "0.9"]) {
    it(`gives the one-pass output when split at ${share} of the file`, async () => {
      const f = file(`split-${share}.csv`, big);
      const [a, b] = await Promise.all([run(f, { ...split, STAGES_SPLIT_SHARE: share }), run(f, onePass)]);
      expect(b.code).toBe(0);
      expect(a).toEqual(b);
      expect(JSON.parse(a.stdout)).toHaveLength(7);
    }, 30_000);
  }

  it("reports errors from the second half with their own file lines", async () => {
    const bad = [...many];
    bad[50] = bad[50].replace(",consistent,", ",always,");
    const f = file("split-bad.csv", bad.join("\n") + "\n");
    const [a, b] = await Promise.all([run(f, { ...split, STAGES_SPLIT_SHARE: "0.5" }), run(f, onePass)]);
    expect(b.code).toBe(1);
    expect(a).toEqual(b);
    expect(a.stdout).toBe("");
    expect(a.stderr).toMatch(/line \d+, column replies: expected none, some or consistent, got "always"/);
  }, 30_000);
});
