import type { FormatError } from "./types";

/** "line 7, column rhythm: expected none, sporadic or scheduled, got \"weekly\"" */
export function formatErrorMessage(e: FormatError): string {
  const where: string[] = [];
  if (e.line !== undefined) where.push(`line ${e.line}`);
  if (e.index !== undefined) where.push(`index ${e.index}`);
  if (e.column !== null) where.push(`column ${e.column}`);
  return where.length > 0 ? `${where.join(", ")}: ${e.message}` : e.message;
}

// ---- what a problem is, whatever its wording --------------------------------------------------
//
// The format's messages are English on purpose: the API, the CLI and CSV files speak the
// interchange format, which is English. A person importing a file in the app reads the problem in
// their own language instead: problemOf() recognises each message the format (values.ts, csv.ts,
// fields.ts, json.ts, lib/transfer) and the import (db/queries/import.ts) write, and gives back a
// code and the values inside it; the page words it through messages importer.invalid.problems.
// errors.test.ts makes every message those modules can write go through problemOf, so a new or
// reworded message fails a test instead of quietly showing English.

export const PROBLEM_CODES = [
  "required", "badDate", "futureDate", "badChoice", "badList", "badListItem", "unknownItem", "badNumber", "badWholeNumber",
  "badShare", "badEmail", "badText", "tooLong", "nulChar", "brokenChar", "fieldCount", "malformedCsv", "emptyCsv",
  "emptyJson", "tooDeep", "invalidJson", "notArray", "notObject", "unknownColumn", "duplicateColumn", "missingColumn",
  "noRecords", "clientNotVisible", "needsConsultant",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * One problem as a code and its values. `values` are what the message quoted (a value as the file
 * has it, a column name, a count); `allowed` the values a column accepts, for the page to join
 * with its language's "or".
 */
export interface FormatProblem {
  code: ProblemCode;
  values: Record<string, string | number>;
  allowed?: string[];
}

/** "a, b or c" back into [a, b, c]: the format's own enum and list values, never free text. */
function orList(s: string): string[] | null {
  const m = /^([a-z0-9_]+(?:, [a-z0-9_]+)*)(?: or ([a-z0-9_]+))?$/.exec(s);
  if (!m) return null;
  return [...m[1]!.split(", "), ...(m[2] ? [m[2]] : [])];
}

const num = (s: string) => Number(s);

type Rule = [RegExp, (m: RegExpExecArray, column: string | null) => FormatProblem | null];

// Order matters where patterns overlap: the specific "expected ..." forms come before the enum's
// general "expected a, b or c, got x".
const RULES: Rule[] = [
  [/^required: /, () => ({ code: "required", values: {} })],
  [/^date (\S+) is in the future \(today is (\S+)\)$/, (m) => ({ code: "futureDate", values: { date: m[1]!, today: m[2]! } })],
  [/^expected a date YYYY-MM-DD, got (.*)$/s, (m) => ({ code: "badDate", values: { got: m[1]! } })],
  [/^expected a whole number from (\S+) to (\S+), got (.*)$/s, (m) => ({ code: "badWholeNumber", values: { min: num(m[1]!), max: num(m[2]!), got: m[3]! } })],
  [
    /^expected a number from (\S+) to (\S+), got (.*)$/s,
    // automated_share is a fraction in the file, where a person thinks in percent: say so.
    (m, column) => ({ code: column === "automated_share" ? "badShare" : "badNumber", values: { min: num(m[1]!), max: num(m[2]!), got: m[3]! } }),
  ],
  [/^expected an email address, got (.*)$/s, (m) => ({ code: "badEmail", values: { got: m[1]! } })],
  [/^expected at most (\d+) characters, got (\d+)$/, (m) => ({ code: "tooLong", values: { max: num(m[1]!), count: num(m[2]!) } })],
  [/^expected (?:.+ as )?text, got (.*)$/s, (m) => ({ code: "badText", values: { got: m[1]! } })],
  [/^expected a list of (.+?), got (.*)$/s, (m) => listProblem("badList", m[1]!, m[2]!)],
  [/^expected (.+?) in the list, got (.*)$/s, (m) => listProblem("badListItem", m[1]!, m[2]!)],
  [/^unknown column "(.*)"$/s, (m) => ({ code: "unknownColumn", values: { name: m[1]! } })],
  [/^unknown [a-z]+ (.*): expected (.+)$/s, (m) => listProblem("unknownItem", m[2]!, m[1]!)],
  [/^column "(.*)" (?:appears twice in the header|given twice)$/s, (m) => ({ code: "duplicateColumn", values: { name: m[1]! } })],
  [/^missing required column$/, () => ({ code: "missingColumn", values: {} })],
  [/^expected (\d+) fields as in the header, got (\d+)$/, (m) => ({ code: "fieldCount", values: { expected: num(m[1]!), count: num(m[2]!) } })],
  [/^malformed CSV: (.*)$/s, (m) => ({ code: "malformedCsv", values: { detail: m[1]! } })],
  [/^empty file: expected a header row$/, () => ({ code: "emptyCsv", values: {} })],
  [/^empty file: expected a JSON array of check-ins$/, () => ({ code: "emptyJson", values: {} })],
  [/^the file is nested more than (\d+) levels deep$/, (m) => ({ code: "tooDeep", values: { max: num(m[1]!) } })],
  [/^invalid JSON: (.*)$/s, (m) => ({ code: "invalidJson", values: { detail: m[1]! } })],
  [/^expected a JSON array of check-ins$/, () => ({ code: "notArray", values: {} })],
  [/^expected an object with the check-in's fields, got (.*)$/s, (m) => ({ code: "notObject", values: { got: m[1]! } })],
  [/^contains a NUL character/, () => ({ code: "nulChar", values: {} })],
  [/^contains a broken character/, () => ({ code: "brokenChar", values: {} })],
  [/^the file holds no check-ins$/, () => ({ code: "noRecords", values: {} })],
  [/^"(.*)" is the name of a client of your firm that is not assigned to you; rename it or ask a manager$/s, (m) => ({ code: "clientNotVisible", values: { name: m[1]! } })],
  [/^new client "(.*)" needs a lead consultant: choose one$/s, (m) => ({ code: "needsConsultant", values: { name: m[1]! } })],
  [/^expected (.+?), got (.*)$/s, (m) => listProblem("badChoice", m[1]!, m[2]!)],
];

function listProblem(code: ProblemCode, allowed: string, got: string): FormatProblem | null {
  const values = orList(allowed);
  return values ? { code, values: { got }, allowed: values } : null;
}

/** The code and values of one of the format's messages, or null for a message it does not know. */
export function problemOf(message: string, column: string | null = null): FormatProblem | null {
  for (const [re, make] of RULES) {
    const m = re.exec(message);
    if (m) {
      const p = make(m, column);
      if (p) return p;
    }
  }
  return null;
}
