// Conversion of one record's raw values (CSV strings or JSON values) into a CheckInRecord.
// One implementation for CSV, JSON, forms and the zod schemas, so every path gives the same
// messages. Driven by the field definitions (CHECKIN_FIELDS): each column is compiled once into
// a plain spec and converted by a switch on its type. Written by hand (no zod per row) because the
// CLI converts a million rows.
import { CHECKIN_FIELDS, CLIENT_FIELD, type CheckInFields, type FieldDef } from "./field-defs";
import { isCalendarDate, isoDay, unstorableText } from "../validation/primitives";
import { COLUMNS, type CheckInRecord, type Column } from "./types";

export { isCalendarDate, isoDay };

/**
 * When a conversion happens: an instant (its UTC date is "today"), or the caller's own local
 * date as YYYY-MM-DD, which the app passes so that "not in the future" means the user's today.
 */
export type AsOf = Date | string;
export function dayOf(asOf?: AsOf): string {
  return typeof asOf === "string" ? asOf : isoDay(asOf ?? new Date());
}

export interface FieldIssue {
  column: string | null;
  message: string;
}

/** Column id = position in COLUMNS. */
export const COL: { readonly [K in Column]: number } = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as never;
export const COLUMN_COUNT = COLUMNS.length;
const COLUMN_BY_NAME = new Map<string, number>(COLUMNS.map((c, i) => [c, i]));

/** Column id for a header or key name (case-insensitive, surrounding spaces ignored), or -1. */
export function columnId(name: string): number {
  const id = COLUMN_BY_NAME.get(name);
  return id ?? COLUMN_BY_NAME.get(name.trim().toLowerCase()) ?? -1;
}

export const REQUIRED_COLUMNS = ([CLIENT_FIELD, ...CHECKIN_FIELDS] as readonly FieldDef[]).filter((d) => d.required === true).map((d) => d.column as Column);

const F = Object.fromEntries(CHECKIN_FIELDS.map((d) => [d.column, d])) as unknown as Record<string, { max: number; maxChars: number }>;
/** Bounds from the definitions, under the names older callers use. */
export const LIMITS = {
  clientChars: CLIENT_FIELD.maxChars, notesChars: F.notes!.maxChars, maxPosts: F.posts_last_30d!.max, maxResponseHours: F.mention_response_hours!.max,
} as const;

/** "a, b or c" */
function orList(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** How a bad value is quoted in messages: strings in double quotes, other JSON values as JSON. */
export function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? v.slice(0, 57) + "..." : v);
  if (v === undefined) return "nothing";
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    return String(v);
  }
}

// ---- enums and lists ---------------------------------------------------------------------------

interface EnumSpec<T extends string> {
  values: readonly T[];
  map: Map<string, T>;
  expected: string;
}
function enumSpec<T extends string>(values: readonly T[]): EnumSpec<T> {
  return { values, map: new Map(values.map((v) => [v, v])), expected: `expected ${orList(values)}` };
}
interface ListSpec<T extends string> {
  values: readonly T[];
  set: Set<string>;
  noun: string;
  cache: Map<string, T[] | string>;
}
function listSpec<T extends string>(values: readonly T[], noun: string): ListSpec<T> {
  return { values, set: new Set(values), noun, cache: new Map() };
}

/** Parse a list from a ";"-separated string or an array. Returns the list or an error message. */
function parseList<T extends string>(spec: ListSpec<T>, v: unknown, share: boolean): T[] | string {
  if (typeof v === "string") {
    let r = spec.cache.get(v);
    if (r === undefined) {
      r = listFromItems(spec, v.split(";"), true);
      if (spec.cache.size > 10_000) spec.cache.clear();
      spec.cache.set(v, r);
    }
    return typeof r === "string" || share ? r : r.slice();
  }
  if (Array.isArray(v)) return listFromItems(spec, v, false);
  return `expected a list of ${orList(spec.values)}, got ${shown(v)}`;
}

function listFromItems<T extends string>(spec: ListSpec<T>, items: readonly unknown[], skipEmpty: boolean): T[] | string {
  const out: T[] = [];
  for (const item of items) {
    if (typeof item !== "string") return `expected ${orList(spec.values)} in the list, got ${shown(item)}`;
    const t = item.trim().toLowerCase();
    if (t === "" && skipEmpty) continue;
    if (!spec.set.has(t)) return `unknown ${spec.noun} ${shown(item)}: expected ${orList(spec.values)}`;
    if (!out.includes(t as T)) out.push(t as T);
  }
  return out;
}

// ---- numbers ---------------------------------------------------------------------------------

/** Plain digits with at most one ".", digits on both sides (`12`, `0.75`): the common case, no regex. */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      if (c !== 46 || dot >= 0) return false;
      dot = i;
    }
  }
  return dot !== 0 && dot !== n - 1;
}
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The strings the converter reads as numbers (NUMBER_RE, spaces around allowed), for documentation. */
export const NUMBER_PATTERN = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A number from a JSON number or a decimal string; NaN when it is neither. */
function toNumber(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v !== "string") return NaN;
  if (isPlainDecimal(v)) return +v;
  const t = v.trim();
  return NUMBER_RE.test(t) ? Number(t) : NaN;
}

// ---- the record ------------------------------------------------------------------------------

/** A value is "not given" when missing, null or an empty (or blank) string. */
function given(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.length > 0 && (v.charCodeAt(0) > 32 || v.trim().length > 0);
  return true;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export interface ConvertOptions {
  /** Today as YYYY-MM-DD: dates after it are rejected. */
  today: string;
  /** Whether the record has a `client` (CheckInRecord) or not (CheckInFields). */
  withClient: boolean;
  /** Return cached, shared list arrays (faster; only for callers that never mutate them). */
  shareLists?: boolean;
}

// ---- the fields, compiled from their definitions -----------------------------------------------

const enum Kind { Date, Email, Text, Enum, List, Number }

/** One column's conversion, flattened from its FieldDef so the per-row loop reads plain properties. */
interface Spec {
  col: number;
  key: string;
  kind: Kind;
  required: boolean;
  /** The value when not given (or after an error, when the record is dropped anyway). */
  fallback: unknown;
  min: number;
  max: number;
  integer: boolean;
  maxChars: number;
  /** text: whether blank strings are "not given" (required text) or kept (notes). */
  blankIsMissing: boolean;
  enumSpec: EnumSpec<string> | null;
  listSpec: ListSpec<string> | null;
  /** Messages, built once. */
  requiredMessage: string;
  expected: string;
}

function compile(d: FieldDef, col: number): Spec {
  const s: Spec = {
    col, key: d.key, kind: Kind.Text, required: d.required === true, fallback: null, min: 0, max: 0, integer: false,
    maxChars: 0, blankIsMissing: false, enumSpec: null, listSpec: null, requiredMessage: "", expected: "",
  };
  switch (d.type) {
    case "date":
      s.kind = Kind.Date;
      s.expected = "expected a date YYYY-MM-DD";
      break;
    case "email":
      Object.assign(s, { kind: Kind.Email, maxChars: d.maxChars, expected: "expected an email address" });
      break;
    case "text":
      Object.assign(s, {
        kind: Kind.Text,
        maxChars: d.maxChars,
        blankIsMissing: s.required,
        expected: d.what === undefined ? "expected text" : `expected ${d.what} as text`,
        requiredMessage: `required: ${d.what ?? "text"}`,
        fallback: s.required ? "" : null,
      });
      break;
    case "enum":
      s.kind = Kind.Enum;
      s.enumSpec = enumSpec(d.values);
      s.expected = s.enumSpec.expected;
      s.fallback = d.default ?? null;
      break;
    case "list":
      s.kind = Kind.List;
      s.listSpec = listSpec(d.values, d.noun);
      break;
    case "int":
    case "number":
      Object.assign(s, { kind: Kind.Number, min: d.min, max: d.max, integer: d.type === "int" });
      s.expected = expectedNumber(d.min, d.max, s.integer);
      s.fallback = d.default ?? (s.required ? 0 : null);
      break;
  }
  // Every kind but text says what it expected when the value is missing.
  if (s.requiredMessage === "" && s.expected !== "") s.requiredMessage = `required: ${s.expected}`;
  return s;
}

const SPECS: readonly Spec[] = [CLIENT_FIELD, ...CHECKIN_FIELDS].map((d, i) => {
  if (COLUMNS[i] !== d.column) throw new Error(`column order differs at ${d.column}`);
  return compile(d, i);
});

export interface ConvertOptions {
  /** Today as YYYY-MM-DD: dates after it are rejected. */
  today: string;
  /** Whether the record has a `client` (CheckInRecord) or not (CheckInFields). */
  withClient: boolean;
  /** Return cached, shared list arrays (faster; only for callers that never mutate them). */
  shareLists?: boolean;
}

/**
 * Convert the raw values of one record. `source[map[COL.x]]` is column x's raw value
 * (map entry -1 = column absent). Pushes problems to `issues` and returns null if there are any.
 */
export function convertRecord(
  source: readonly unknown[],
  map: ArrayLike<number>,
  opts: ConvertOptions,
  issues: FieldIssue[],
): CheckInRecord | null {
  const start = issues.length;
  const share = opts.shareLists === true;
  const v = VALUES;
  v[0] = "";
  for (let col = opts.withClient ? 0 : 1; col < SPECS.length; col++) {
    const s = SPECS[col]!;
    const i = map[col]!;
    const raw = i < 0 ? undefined : source[i];
    switch (s.kind) {
      case Kind.Date:
        v[col] = dateValue(raw, s, opts.today, issues);
        break;
      case Kind.Enum:
        v[col] = enumValue(s, raw, issues);
        break;
      case Kind.Number:
        v[col] = numberValue(s, raw, issues);
        break;
      case Kind.List:
        v[col] = listValue(s.listSpec!, raw, col, share, issues);
        break;
      case Kind.Email:
        v[col] = emailValue(s, raw, issues);
        break;
      default:
        v[col] = textValue(s, raw, issues);
    }
  }
  return issues.length > start ? null : assemble(v);
}

const VALUES: unknown[] = new Array(SPECS.length).fill(null);

/**
 * The record from the converted values, by column. An object literal (one hidden class, no
 * per-key transitions) is what keeps the million-row CLI fast; its keys are checked against
 * CHECKIN_FIELDS by the compiler (the literal must be exactly a CheckInRecord) and its column
 * positions when this module loads (below).
 */
function assemble(v: readonly unknown[]): CheckInRecord {
  const r: { [K in keyof CheckInRecord]: unknown } = {
    client: v[COL.client],
    date: v[COL.date],
    consultant: v[COL.consultant],
    accounts: v[COL.accounts],
    accountsSince: v[COL.accounts_since],
    postsLast30d: v[COL.posts_last_30d],
    rhythm: v[COL.rhythm],
    automatedShare: v[COL.automated_share],
    replies: v[COL.replies],
    promotion: v[COL.promotion],
    results: v[COL.results],
    tools: v[COL.tools],
    mentionResponseHours: v[COL.mention_response_hours],
    advocacy: v[COL.advocacy],
    attitude: v[COL.attitude],
    followers: v[COL.followers],
    notes: v[COL.notes],
  };
  return r as CheckInRecord;
}

{
  const probe = assemble(SPECS.map((_, i) => i)) as unknown as Record<string, number>;
  for (const d of SPECS) if (probe[d.key] !== d.col) throw new Error(`assemble() reads ${d.key} from the wrong column`);
}

function badValue(issues: FieldIssue[], col: number, message: string): void {
  issues.push({ column: COLUMNS[col]!, message });
}

type Bad = FieldIssue[];

function dateValue(v: unknown, spec: Spec, today: string, bad: Bad): string | null {
  if (!given(v)) {
    if (spec.required) badValue(bad, spec.col, spec.requiredMessage);
    return null;
  }
  const s = typeof v === "string" ? (v.length === 10 ? v : v.trim()) : "";
  if (!isCalendarDate(s)) {
    badValue(bad, spec.col, `${spec.expected}, got ${shown(v)}`);
    return null;
  }
  if (s > today) {
    badValue(bad, spec.col, `date ${s} is in the future (today is ${today})`);
    return null;
  }
  return s;
}

function enumValue(spec: Spec, v: unknown, bad: Bad): unknown {
  const e = spec.enumSpec!;
  if (!given(v)) {
    if (spec.required) badValue(bad, spec.col, spec.requiredMessage);
    return spec.fallback;
  }
  if (typeof v === "string") {
    // A short scan beats hashing a fresh string for 3-7 values.
    const values = e.values;
    for (let i = 0; i < values.length; i++) if (values[i] === v) return values[i]!;
    const hit = e.map.get(v.trim().toLowerCase());
    if (hit !== undefined) return hit;
  }
  badValue(bad, spec.col, `${spec.expected}, got ${shown(v)}`);
  return spec.fallback;
}

function listValue<T extends string>(spec: ListSpec<T>, v: unknown, col: number, share: boolean, bad: Bad): T[] | null {
  if (!given(v)) return share ? (EMPTY as T[]) : [];
  const r = parseList(spec, v, share);
  if (typeof r === "string") {
    badValue(bad, col, r);
    return null;
  }
  return r;
}
const EMPTY: never[] = [];

function numberValue(spec: Spec, v: unknown, bad: Bad): unknown {
  if (!given(v)) {
    if (spec.required) badValue(bad, spec.col, spec.requiredMessage);
    return spec.fallback;
  }
  const n = toNumber(v);
  if (n !== n || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) {
    badValue(bad, spec.col, `${spec.expected}, got ${shown(v)}`);
    return spec.fallback;
  }
  return n === 0 ? 0 : n; // no -0
}

function expectedNumber(min: number, max: number, integer: boolean): string {
  return `expected ${integer ? "a whole number" : "a number"} from ${min} to ${max}`;
}

let lastEmail = ""; // the last valid email ("" until there is one): files list the same consultant row after row

function emailValue(spec: Spec, v: unknown, bad: Bad): string | null {
  if (!given(v)) {
    if (spec.required) badValue(bad, spec.col, spec.requiredMessage);
    return null;
  }
  const t = typeof v === "string" ? v.trim() : "";
  if (t === lastEmail && t !== "") return lastEmail;
  if (t.length > spec.maxChars || !EMAIL_RE.test(t)) {
    badValue(bad, spec.col, `${spec.expected}, got ${shown(v)}`);
    return null;
  }
  return (lastEmail = t);
}

/** Text is kept exactly (no trimming); required text treats a blank string as not given. */
function textValue(spec: Spec, v: unknown, bad: Bad): string | null {
  if (spec.blankIsMissing ? !given(v) : v === undefined || v === null || v === "") {
    if (spec.required) badValue(bad, spec.col, spec.requiredMessage);
    return spec.fallback as string | null;
  }
  if (typeof v !== "string") {
    badValue(bad, spec.col, `${spec.expected}, got ${shown(v)}`);
    return null;
  }
  if (v.length > spec.maxChars && codePoints(v) > spec.maxChars) {
    badValue(bad, spec.col, `expected at most ${spec.maxChars} characters, got ${codePoints(v)}`);
    return null;
  }
  const problem = unstorableText(v);
  if (problem) {
    badValue(bad, spec.col, problem);
    return null;
  }
  return v;
}

/** Strip the client from a record (CheckInFields). */
export function withoutClient(r: CheckInRecord): CheckInFields {
  const { client: _client, ...fields } = r;
  return fields;
}
