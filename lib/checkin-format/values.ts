// Conversion of one record's raw values (CSV strings or JSON values) into a CheckInRecord.
// One implementation for CSV, JSON, forms and the zod schemas, so every path gives the same
// messages. Written by hand (no zod per row) because the CLI converts a million rows.
import {
  ADVOCACY, ATTITUDES, PLATFORMS, PROMOTIONS, REPLIES, RESULTS, RHYTHMS, TOOLS,
  type CheckInFields,
} from "../stages/vocabulary";
import { COLUMNS, type CheckInRecord, type Column } from "./types";

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

export const REQUIRED_COLUMNS: readonly Column[] = ["client", "date", "posts_last_30d", "rhythm", "replies", "results"];

export const LIMITS = { clientChars: 200, notesChars: 5000, maxPosts: 10000, maxResponseHours: 720 } as const;

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

// ---- dates --------------------------------------------------------------------------------

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** True for a real calendar date written YYYY-MM-DD (years 1000-9999). */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function isoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
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
const E = {
  rhythm: enumSpec(RHYTHMS),
  replies: enumSpec(REPLIES),
  promotion: enumSpec(PROMOTIONS),
  results: enumSpec(RESULTS),
  advocacy: enumSpec(ADVOCACY),
  attitude: enumSpec(ATTITUDES),
};

interface ListSpec<T extends string> {
  values: readonly T[];
  set: Set<string>;
  noun: string;
  cache: Map<string, T[] | string>;
}
function listSpec<T extends string>(values: readonly T[], noun: string): ListSpec<T> {
  return { values, set: new Set(values), noun, cache: new Map() };
}
const PLATFORM_LIST = listSpec(PLATFORMS, "platform");
const TOOL_LIST = listSpec(TOOLS, "tool");

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
let lastEmail = ""; // the last valid email ("" until there is one)

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

  let client = "";
  if (opts.withClient) {
    const v = at(source, map, COL.client);
    if (!given(v)) badValue(issues, COL.client, "required: the client's name");
    else if (typeof v !== "string") badValue(issues, COL.client, `expected the client's name as text, got ${shown(v)}`);
    else if (v.length > LIMITS.clientChars && codePoints(v) > LIMITS.clientChars)
      badValue(issues, COL.client, `expected at most ${LIMITS.clientChars} characters, got ${codePoints(v)}`);
    else client = v;
  }

  const date = dateValue(at(source, map, COL.date), COL.date, true, opts.today, issues);

  let consultant: string | null = null;
  const cv = at(source, map, COL.consultant);
  if (given(cv)) {
    const t = typeof cv === "string" ? cv.trim() : "";
    if (t === lastEmail && t !== "") consultant = lastEmail; // files list the same consultant row after row
    else if (t.length > 320 || !EMAIL_RE.test(t)) badValue(issues, COL.consultant, `expected an email address, got ${shown(cv)}`);
    else consultant = lastEmail = t;
  }

  const share = opts.shareLists === true;
  const accounts = listValue(PLATFORM_LIST, at(source, map, COL.accounts), COL.accounts, share, issues);
  const accountsSince = dateValue(at(source, map, COL.accounts_since), COL.accounts_since, false, opts.today, issues);
  const postsLast30d = numberValue(at(source, map, COL.posts_last_30d), COL.posts_last_30d, true, 0, LIMITS.maxPosts, true, issues) ?? 0;
  const rhythm = enumValue(E.rhythm, at(source, map, COL.rhythm), COL.rhythm, null, issues);
  const automatedShare = numberValue(at(source, map, COL.automated_share), COL.automated_share, false, 0, 1, false, issues) ?? 0;
  const replies = enumValue(E.replies, at(source, map, COL.replies), COL.replies, null, issues);
  const promotion = enumValue(E.promotion, at(source, map, COL.promotion), COL.promotion, "none", issues);
  const results = enumValue(E.results, at(source, map, COL.results), COL.results, null, issues);
  const tools = listValue(TOOL_LIST, at(source, map, COL.tools), COL.tools, share, issues);
  const mentionResponseHours = numberValue(at(source, map, COL.mention_response_hours), COL.mention_response_hours, false, 0, LIMITS.maxResponseHours, false, issues);
  const advocacy = enumValue(E.advocacy, at(source, map, COL.advocacy), COL.advocacy, "none", issues);
  const attitude = enumValue(E.attitude, at(source, map, COL.attitude), COL.attitude, null, issues);
  const followers = numberValue(at(source, map, COL.followers), COL.followers, false, 0, Number.MAX_SAFE_INTEGER, true, issues);

  let notes: string | null = null;
  const nv = at(source, map, COL.notes);
  if (nv !== undefined && nv !== null && nv !== "") {
    if (typeof nv !== "string") badValue(issues, COL.notes, `expected text, got ${shown(nv)}`);
    else if (nv.length > LIMITS.notesChars && codePoints(nv) > LIMITS.notesChars)
      badValue(issues, COL.notes, `expected at most ${LIMITS.notesChars} characters, got ${codePoints(nv)}`);
    else notes = nv;
  }

  if (issues.length > start) return null;
  return {
    client,
    date: date!,
    consultant,
    accounts: accounts!,
    accountsSince,
    postsLast30d,
    rhythm: rhythm!,
    automatedShare,
    replies: replies!,
    promotion: promotion!,
    results: results!,
    tools: tools!,
    mentionResponseHours,
    advocacy: advocacy!,
    attitude,
    followers,
    notes,
  };
}

function at(source: readonly unknown[], map: ArrayLike<number>, col: number): unknown {
  const i = map[col]!;
  return i < 0 ? undefined : source[i];
}

function badValue(issues: FieldIssue[], col: number, message: string): void {
  issues.push({ column: COLUMNS[col]!, message });
}

type Bad = FieldIssue[];

function dateValue(v: unknown, col: number, required: boolean, today: string, bad: Bad): string | null {
  if (!given(v)) {
    if (required) badValue(bad, col, "required: expected a date YYYY-MM-DD");
    return null;
  }
  const s = typeof v === "string" ? (v.length === 10 ? v : v.trim()) : "";
  if (!isCalendarDate(s)) {
    badValue(bad, col, `expected a date YYYY-MM-DD, got ${shown(v)}`);
    return null;
  }
  if (s > today) {
    badValue(bad, col, `date ${s} is in the future (today is ${today})`);
    return null;
  }
  return s;
}

function enumValue<T extends string>(spec: EnumSpec<T>, v: unknown, col: number, def: T | null, bad: Bad): T | null {
  if (!given(v)) {
    if (def === null && (col === COL.rhythm || col === COL.replies || col === COL.results)) {
      badValue(bad, col, `required: ${spec.expected}`);
    }
    return def;
  }
  if (typeof v === "string") {
    // A short scan beats hashing a fresh string for 3-7 values.
    const values = spec.values;
    for (let i = 0; i < values.length; i++) if (values[i] === v) return values[i]!;
    const hit = spec.map.get(v.trim().toLowerCase());
    if (hit !== undefined) return hit;
  }
  badValue(bad, col, `${spec.expected}, got ${shown(v)}`);
  return def;
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

function numberValue(v: unknown, col: number, required: boolean, min: number, max: number, integer: boolean, bad: Bad): number | null {
  if (!given(v)) {
    if (required) badValue(bad, col, `required: ${expectedNumber(min, max, integer)}`);
    return null;
  }
  const n = toNumber(v);
  if (n !== n || n < min || n > max || (integer && !Number.isInteger(n))) {
    badValue(bad, col, `${expectedNumber(min, max, integer)}, got ${shown(v)}`);
    return null;
  }
  return n === 0 ? 0 : n; // no -0
}

function expectedNumber(min: number, max: number, integer: boolean): string {
  const kind = integer ? "a whole number" : "a number";
  return max === Number.MAX_SAFE_INTEGER ? `expected ${kind} of ${min} or more` : `expected ${kind} from ${min} to ${max}`;
}

/** Strip the client from a record (CheckInFields). */
export function withoutClient(r: CheckInRecord): CheckInFields {
  const { client: _client, ...fields } = r;
  return fields;
}
