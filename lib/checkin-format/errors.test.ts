import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { parseCsv, parseJson } from "./index";
import { readCsvStream } from "./csv";
import { PROBLEM_CODES, problemOf, type ProblemCode } from "./errors";
import type { FormatError } from "./types";
import { readJsonRecords } from "../transfer/json-records";
import { en } from "@/messages/en";

// Every message the format and the import write must be known to problemOf, or the import page
// would show it in English to a Bengali reader. The files below provoke each kind of problem.

const TODAY = "2026-03-02";
const HEADER = "client,date,posts_last_30d,rhythm,replies,results";
const ROW = (over: Record<string, string> = {}) => {
  const v = { client: "Rosa's Bakery", date: "2026-01-05", posts_last_30d: "4", rhythm: "sporadic", replies: "some", results: "none", ...over };
  return Object.values(v).join(",");
};
const ok = { client: "Rosa's Bakery", date: "2026-01-05", posts_last_30d: 4, rhythm: "sporadic", replies: "some", results: "none" };

const CSV_FILES: string[] = [
  "",
  "client,nope,client\n",
  "date\n",
  `${HEADER}\n${ROW({ date: "2026-13-01" })}\n`,
  `${HEADER}\n${ROW({ date: "2027-01-01" })}\n`,
  `${HEADER}\n${ROW({ date: "" })}\n`,
  `${HEADER}\n${ROW({ client: "" })}\n`,
  `${HEADER}\n${ROW({ posts_last_30d: "-1" })}\n`,
  `${HEADER}\n${ROW({ posts_last_30d: "" })}\n`,
  `${HEADER}\n${ROW({ rhythm: "weekly" })}\n`,
  `${HEADER}\n${ROW({ rhythm: "" })}\n`,
  `${HEADER}\n${ROW()},extra\n`,
  `${HEADER},accounts,tools,consultant,automated_share,notes,followers,mention_response_hours\n${ROW()},myspace,abacus,not-an-email,150,${"x".repeat(5001)},1.5,-3\n`,
  `${HEADER}\n${ROW({ client: '"Rosa"s' })}\n`,
  `${HEADER}\n"unterminated,2026-01-05\n`,
  `${HEADER},notes\n${ROW()},a\u0000b\n`,
];

const JSON_FILES: string[] = [
  "",
  "{",
  "{}",
  "[1]",
  `[{"client": 5, "date": "2026-01-05", "posts_last_30d": 4, "rhythm": "sporadic", "replies": "some", "results": "none"}]`,
  JSON.stringify([{ ...ok, accounts: "facebook;myspace" }, { ...ok, accounts: 7 }, { ...ok, accounts: [7] }, { ...ok, tools: ["crm", "abacus"] }]),
  JSON.stringify([{ ...ok, rhythm: 3, nope: 1 }, { ...ok, automated_share: "150" }, { ...ok, followers: 1.5, notes: 5 }]),
  // A lone UTF-16 surrogate survives only JSON's \u escapes (CSV is read as UTF-8 bytes).
  JSON.stringify([{ ...ok, notes: "a\ud800b" }]),
  "[" + "[".repeat(200) + "]".repeat(200) + "]",
];

// db/queries/import.ts writes these (it needs a database to provoke them; kept in step by hand).
const IMPORT_MESSAGES = [
  "the file holds no check-ins",
  `"Rosa's Bakery" is the name of a client of your firm that is not assigned to you; rename it or ask a manager`,
  `new client "Harbor Bikes" needs a lead consultant: choose one`,
];

async function allErrors(): Promise<FormatError[]> {
  const out: FormatError[] = [];
  for (const f of CSV_FILES) {
    const r = parseCsv(f, TODAY);
    if (!r.ok) out.push(...r.errors);
    out.push(...(await readCsvStream(Readable.from([f]), () => {}, TODAY)));
  }
  for (const f of JSON_FILES) {
    const r = parseJson(f, TODAY);
    if (!r.ok) out.push(...r.errors);
    const s = await readJsonRecords((async function* () { yield f; })(), TODAY);
    if (!s.ok) out.push(...s.errors);
  }
  for (const message of IMPORT_MESSAGES) out.push({ index: 0, column: "client", message });
  return out;
}

describe("problemOf", () => {
  it("knows every message the format and the import write", async () => {
    const errors = await allErrors();
    const unknown = errors.filter((e) => problemOf(e.message, e.column) === null).map((e) => e.message);
    expect(unknown).toEqual([]);
    // And the files above reach every code, so each one's wording is checked by the page's test.
    const seen = new Set(errors.map((e) => problemOf(e.message, e.column)!.code));
    expect(PROBLEM_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });

  it("takes the values out of a message", () => {
    expect(problemOf('expected none, sporadic or scheduled, got "weekly"', "rhythm")).toEqual({ code: "badChoice", values: { got: '"weekly"' }, allowed: ["none", "sporadic", "scheduled"] });
    expect(problemOf('expected a number from 0 to 1, got "150"', "automated_share")).toEqual({ code: "badShare", values: { min: 0, max: 1, got: '"150"' } });
    expect(problemOf('expected a number from 0 to 720, got "-3"', "mention_response_hours")?.code).toBe("badNumber");
    expect(problemOf("date 2027-01-01 is in the future (today is 2026-03-02)", "date")).toEqual({ code: "futureDate", values: { date: "2027-01-01", today: "2026-03-02" } });
    expect(problemOf('unknown platform "myspace": expected facebook, x or blog', "accounts")).toEqual({ code: "unknownItem", values: { got: '"myspace"' }, allowed: ["facebook", "x", "blog"] });
    expect(problemOf("something new")).toBeNull();
  });

  it("has a message in the importer's words for every code", () => {
    const problems = en.importer.invalid.problems as Record<ProblemCode, string>;
    expect(PROBLEM_CODES.filter((c) => typeof problems[c] !== "string")).toEqual([]);
    expect(Object.keys(problems).sort()).toEqual([...PROBLEM_CODES].sort());
  });
});
