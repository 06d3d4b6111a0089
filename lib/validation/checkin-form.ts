// The check-in form's values (strings, as the browser sends them) and the pure steps around
// them: prefill from the previous check-in, what changed, and conversion through the format
// module's own converter so the form, CSV import and the API give the same messages.
// Imported from the modules themselves, not the index: this file runs in the browser too, and the
// index brings the CSV reader (node streams) along.
import { fieldsFromStrings } from "../checkin-format/fields";
import { isoDay } from "../checkin-format/values";
import type { CheckInFields } from "../checkin-format/types";

/** Every field of the interchange format except `client`, plus whether the notes stay internal. */
export interface CheckInFormValues {
  date: string;
  consultant: string;
  accounts: string[];
  accounts_since: string;
  posts_last_30d: string;
  rhythm: string;
  automated_share: string;
  replies: string;
  promotion: string;
  results: string;
  tools: string[];
  mention_response_hours: string;
  advocacy: string;
  attitude: string;
  followers: string;
  notes: string;
  notes_internal: boolean;
}
export type CheckInFormField = keyof CheckInFormValues;

const LIST_FIELDS = ["accounts", "tools"] as const;
const TEXT_FIELDS = [
  "date", "consultant", "accounts_since", "posts_last_30d", "rhythm", "automated_share", "replies", "promotion",
  "results", "mention_response_hours", "advocacy", "attitude", "followers", "notes",
] as const;

/** The observation fields compared by diffFields (date, who and notes change every time). */
export const DIFF_FIELDS = [
  "accounts", "accounts_since", "posts_last_30d", "rhythm", "automated_share", "replies", "promotion", "results",
  "tools", "mention_response_hours", "advocacy", "attitude", "followers",
] as const satisfies readonly CheckInFormField[];
export type DiffField = (typeof DIFF_FIELDS)[number];

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** A stored check-in's fields as form values. */
export function valuesFromFields(f: CheckInFields, notesInternal = true): CheckInFormValues {
  return {
    date: f.date,
    consultant: str(f.consultant),
    accounts: [...f.accounts],
    accounts_since: str(f.accountsSince),
    posts_last_30d: str(f.postsLast30d),
    rhythm: f.rhythm,
    automated_share: str(f.automatedShare),
    replies: f.replies,
    promotion: f.promotion,
    results: f.results,
    tools: [...f.tools],
    mention_response_hours: str(f.mentionResponseHours),
    advocacy: f.advocacy,
    attitude: str(f.attitude),
    followers: str(f.followers),
    notes: str(f.notes),
    notes_internal: notesInternal,
  };
}

/** An empty form: the format's defaults, nothing else chosen. */
export function emptyValues(today: string): CheckInFormValues {
  return {
    date: today, consultant: "", accounts: [], accounts_since: "", posts_last_30d: "", rhythm: "", automated_share: "0",
    replies: "", promotion: "none", results: "", tools: [], mention_response_hours: "", advocacy: "none", attitude: "",
    followers: "", notes: "", notes_internal: true,
  };
}

/**
 * The form for a new check-in: the previous check-in's observations (a routine check-in is a
 * few changes and a save), dated today. Notes and the consultant start empty: they belong to
 * the new visit, and the consultant defaults to whoever saves it. Notes start internal.
 */
export function prefillFrom(previous: CheckInFields | null | undefined, today: string = isoDay()): CheckInFormValues {
  if (!previous) return emptyValues(today);
  return { ...valuesFromFields(previous), date: today, consultant: "", notes: "", notes_internal: true };
}

function normalize(field: DiffField, v: string | string[]): string {
  if (Array.isArray(v)) return [...new Set(v.map((x) => x.trim().toLowerCase()).filter(Boolean))].sort().join(";");
  const t = v.trim().toLowerCase();
  if (field === "accounts_since" || field === "rhythm" || field === "replies" || field === "promotion" ||
      field === "results" || field === "advocacy" || field === "attitude") return t;
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? String(n) : t;
}

export interface FieldChange {
  field: DiffField;
  before: string | string[];
  after: string | string[];
}

/** The observation fields that differ between two forms (lists compared as sets, numbers as numbers). */
export function diffFields(a: CheckInFormValues, b: CheckInFormValues): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of DIFF_FIELDS) {
    if (normalize(field, a[field]) !== normalize(field, b[field])) out.push({ field, before: a[field], after: b[field] });
  }
  return out;
}

/** Form values from submitted form data; missing fields are empty, checkbox groups are lists. */
export function valuesFromFormData(fd: FormData): CheckInFormValues {
  const v = emptyValues("");
  for (const f of TEXT_FIELDS) {
    const raw = fd.get(f);
    v[f] = typeof raw === "string" ? raw : "";
  }
  for (const f of LIST_FIELDS) v[f] = fd.getAll(f).filter((x): x is string => typeof x === "string" && x !== "");
  v.notes_internal = fd.get("notes_internal") === "on" || fd.get("notes_internal") === "true";
  return v;
}

export type CheckInFormResult =
  | { ok: true; fields: CheckInFields; notesInternal: boolean }
  | { ok: false; errors: Partial<Record<CheckInFormField, string>> };

/** Validate form values with the interchange format's converter; errors keyed by field. */
export function parseCheckInValues(values: CheckInFormValues, now?: Date): CheckInFormResult {
  const row: Record<string, string> = {};
  for (const f of TEXT_FIELDS) row[f] = values[f];
  for (const f of LIST_FIELDS) row[f] = values[f].join(";");
  const r = fieldsFromStrings(row, now);
  if (!r.ok) {
    const errors: Partial<Record<CheckInFormField, string>> = {};
    for (const e of r.errors) {
      const key = (e.column ?? "date") as CheckInFormField;
      errors[key] ??= e.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, fields: r.value, notesInternal: values.notes_internal };
}
