// `npm run stages -- FILE --rules RULES`: a firm's thresholds from a JSON file, validated with a
// message that names the file and the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_SETTINGS, inferStages } from "../lib/stages";
import { parseCsv } from "../lib/checkin-format";

const SCRIPT = path.join(import.meta.dirname, "stages.ts");
const ROOT = path.join(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "stages-rules-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", SCRIPT, ...args], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
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
// Accounts 100 days old at the second check-in: stage 3 with the default 90-day trial, 2 with 120.
const CSV = [
  HEADER,
  `Rosa,2025-01-10,facebook,2025-01-01,3,sporadic,0.7,none,none,none,,,none,hopeful,`,
  `Rosa,2025-04-11,facebook,2025-01-01,3,sporadic,0.7,none,none,none,,,none,hopeful,`,
].join("\n") + "\n";

const stagesOf = (r: Run) => (JSON.parse(r.stdout) as { history: { stage: number }[] }[])[0]!.history.map((h) => h.stage);

let plain: Run, tuned: Run, inline: Run, bad: Run, unknown: Run, notJson: Run, missing: Run;

beforeAll(async () => {
  const csv = file("rosa.csv", CSV);
  [plain, tuned, inline, bad, unknown, notJson, missing] = await Promise.all([
    run(csv),
    run(csv, "--rules", file("trial.json", JSON.stringify({ trialDays: 120 }))),
    run(`--rules=${file("trial2.json", JSON.stringify({ trialDays: 120, confirmBackCheckIns: 3 }))}`, csv),
    run(csv, "--rules", file("bad.json", JSON.stringify({ trialDays: 5, highAutomation: "most" }))),
    run(csv, "--rules", file("typo.json", JSON.stringify({ trialdays: 120 }))),
    run(csv, "--rules", file("broken.json", "{ trialDays: 120 ")),
    run(csv, "--rules", path.join(dir, "nope.json")),
  ]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run stages -- FILE --rules RULES", () => {
  it("uses the file's settings, the defaults for the rest", () => {
    expect(plain.code).toBe(0);
    expect(stagesOf(plain)).toEqual([2, 3]);
    expect(tuned.code).toBe(0);
    expect(stagesOf(tuned)).toEqual([2, 2]);
    expect(inline.code).toBe(0);
    expect(stagesOf(inline)).toEqual([2, 2]);
    const parsed = parseCsv(CSV);
    if (!parsed.ok) throw new Error("fixture must be valid");
    expect(inferStages(parsed.records, { settings: { ...DEFAULT_SETTINGS, trialDays: 120 } }).map((e) => e.stage)).toEqual(stagesOf(tuned));
  });

  it("refuses bad settings naming the file and each field, with nothing on stdout", () => {
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    const lines = bad.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rules file .*bad\.json: trialDays must be from 14 to 365$/);
    expect(lines[1]).toMatch(/^rules file .*bad\.json: highAutomation must be a number \(0\.1 to 0\.9\)$/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/typo\.json: unknown setting\(s\) "trialdays"/);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/broken\.json: not valid JSON/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such rules file: .*nope\.json/);
  });
});
