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

const validDates = new Map<string, boolean>();

/** True for a real calendar date written YYYY-MM-DD (years 1000-9999). */
export function isCalendarDate(s: string): boolean {
  let ok = validDates.get(s);
  if (ok !== undefined) return ok;
  ok = false;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    let digits = true;
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) digits = false;
    }
    if (digits) {
      const y = Number(s.slice(0, 4));
      const m = Number(s.slice(5, 7));
      const d = Number(s.slice(8, 10));
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
      ok = y >= 1000 && dim !== undefined && d >= 1 && d <= dim;
    }
  }
  if (validDates.size > 50_000) validDates.clear();
  validDates.set(s, ok);
  return ok;
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

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a JSON number or a decimal string; NaN when it is neither. */
function toNumber(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v !== "string") return NaN;
  if (isDigits(v)) return +v;
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
  const get = (col: number): unknown => {
    const i = map[col]!;
    return i < 0 ? undefined : source[i];
  };
  const bad = (col: number, message: string) => issues.push({ column: COLUMNS[col]!, message });

  let client = "";
  if (opts.withClient) {
    const v = get(COL.client);
    if (!given(v)) bad(COL.client, "required: the client's name");
    else if (typeof v !== "string") bad(COL.client, `expected the client's name as text, got ${shown(v)}`);
    else if (v.length > LIMITS.clientChars && codePoints(v) > LIMITS.clientChars)
      bad(COL.client, `expected at most ${LIMITS.clientChars} characters, got ${codePoints(v)}`);
    else client = v;
  }

  const date = dateValue(get(COL.date), COL.date, true, opts.today, bad);

  let consultant: string | null = null;
  const cv = get(COL.consultant);
  if (given(cv)) {
    const t = typeof cv === "string" ? cv.trim() : "";
    if (t.length > 320 || !EMAIL_RE.test(t)) bad(COL.consultant, `expected an email address, got ${shown(cv)}`);
    else consultant = t;
  }

  const share = opts.shareLists === true;
  const accounts = listValue(PLATFORM_LIST, get(COL.accounts), COL.accounts, share, bad);
  const accountsSince = dateValue(get(COL.accounts_since), COL.accounts_since, false, opts.today, bad);
  const postsLast30d = numberValue(get(COL.posts_last_30d), COL.posts_last_30d, true, 0, LIMITS.maxPosts, true, bad) ?? 0;
  const rhythm = enumValue(E.rhythm, get(COL.rhythm), COL.rhythm, null, bad);
  const automatedShare = numberValue(get(COL.automated_share), COL.automated_share, false, 0, 1, false, bad) ?? 0;
  const replies = enumValue(E.replies, get(COL.replies), COL.replies, null, bad);
  const promotion = enumValue(E.promotion, get(COL.promotion), COL.promotion, "none", bad);
  const results = enumValue(E.results, get(COL.results), COL.results, null, bad);
  const tools = listValue(TOOL_LIST, get(COL.tools), COL.tools, share, bad);
  const mentionResponseHours = numberValue(get(COL.mention_response_hours), COL.mention_response_hours, false, 0, LIMITS.maxResponseHours, false, bad);
  const advocacy = enumValue(E.advocacy, get(COL.advocacy), COL.advocacy, "none", bad);
  const attitude = enumValue(E.attitude, get(COL.attitude), COL.attitude, null, bad);
  const followers = numberValue(get(COL.followers), COL.followers, false, 0, Number.MAX_SAFE_INTEGER, true, bad);

  let notes: string | null = null;
  const nv = get(COL.notes);
  if (nv !== undefined && nv !== null && nv !== "") {
    if (typeof nv !== "string") bad(COL.notes, `expected text, got ${shown(nv)}`);
    else if (nv.length > LIMITS.notesChars && codePoints(nv) > LIMITS.notesChars)
      bad(COL.notes, `expected at most ${LIMITS.notesChars} characters, got ${codePoints(nv)}`);
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

type Bad = (col: number, message: string) => void;

function dateValue(v: unknown, col: number, required: boolean, today: string, bad: Bad): string | null {
  if (!given(v)) {
    if (required) bad(col, "required: expected a date YYYY-MM-DD");
    return null;
  }
  const s = typeof v === "string" ? (v.length === 10 ? v : v.trim()) : "";
  if (!isCalendarDate(s)) {
    bad(col, `expected a date YYYY-MM-DD, got ${shown(v)}`);
    return null;
  }
  if (s > today) {
    bad(col, `date ${s} is in the future (today is ${today})`);
    return null;
  }
  return s;
}

function enumValue<T extends string>(spec: EnumSpec<T>, v: unknown, col: number, def: T | null, bad: Bad): T | null {
  if (!given(v)) {
    if (def === null && (col === COL.rhythm || col === COL.replies || col === COL.results)) {
      bad(col, `required: ${spec.expected}`);
    }
    return def;
  }
  if (typeof v === "string") {
    const hit = spec.map.get(v) ?? spec.map.get(v.trim().toLowerCase());
    if (hit !== undefined) return hit;
  }
  bad(col, `${spec.expected}, got ${shown(v)}`);
  return def;
}

function listValue<T extends string>(spec: ListSpec<T>, v: unknown, col: number, share: boolean, bad: Bad): T[] | null {
  if (!given(v)) return share ? (EMPTY as T[]) : [];
  const r = parseList(spec, v, share);
  if (typeof r === "string") {
    bad(col, r);
    return null;
  }
  return r;
}
const EMPTY: never[] = [];

function numberValue(v: unknown, col: number, required: boolean, min: number, max: number, integer: boolean, bad: Bad): number | null {
  if (!given(v)) {
    if (required) bad(col, `required: ${expectedNumber(min, max, integer)}`);
    return null;
  }
  const n = toNumber(v);
  if (n !== n || n < min || n > max || (integer && !Number.isInteger(n))) {
    bad(col, `${expectedNumber(min, max, integer)}, got ${shown(v)}`);
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
