// The check-in form's values (strings, as the browser sends them) and the pure steps around
// them: prefill from the previous check-in, what changed, and conversion through the format
// module's own converter so the form, CSV import and the API accept the same values.
// One difference from the format: the form takes `automated_share` as a percentage (0-100, what
// a person thinks in), converted to the format's fraction (0-1) before parsing.
// Imported from the modules themselves, not the index: this file runs in the browser too, and the
// index brings the CSV reader (node streams) along.
import { fieldsFromStrings } from "../checkin-format/fields";
import { isoDay } from "./primitives";
import { CHECKIN_FIELDS, ENGINE_FIELDS, type CheckInFieldDef, type FieldColumn } from "../checkin-format/field-defs";
import type { CheckInFields } from "../checkin-format/types";

type ListColumn = Extract<CheckInFieldDef, { type: "list" }>["column"];

/** Every field of the interchange format except `client` (lists as string arrays, the rest as strings), plus whether the notes stay internal. */
export type CheckInFormValues = { [C in FieldColumn]: C extends ListColumn ? string[] : string } & { notes_internal: boolean };
export type CheckInFormField = keyof CheckInFormValues;

const LIST_FIELDS = CHECKIN_FIELDS.filter((d) => d.type === "list").map((d) => d.column as ListColumn);
const TEXT_FIELDS = CHECKIN_FIELDS.filter((d) => d.type !== "list").map((d) => d.column as Exclude<FieldColumn, ListColumn>);

/** The observation fields compared by diffFields: what the engine reads, but the date (date, who and notes change every time). */
export const DIFF_FIELDS = ENGINE_FIELDS.filter((d) => d.key !== "date").map((d) => d.column) as readonly DiffField[];
export type DiffField = Exclude<(typeof ENGINE_FIELDS)[number]["column"], "date">;
const DEF_BY_COLUMN = new Map<string, CheckInFieldDef>(CHECKIN_FIELDS.map((d) => [d.column, d]));

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** What the format's converter reads as a number (lib/checkin-format NUMBER_PATTERN). */
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The form's fields entered as a percentage of the format's fraction. */
export const PERCENT_FIELDS: readonly FieldColumn[] = ["automated_share"];
const isPercent = (column: string) => (PERCENT_FIELDS as readonly string[]).includes(column);

/** A fraction (0.07) as the form's percentage ("7"), without float noise (0.07 * 100 = 7.000000000000001). */
export function fractionToPercent(x: number): string {
  return String(Math.round(x * 1e6) / 1e4);
}

/** The form's percentage ("7", " 12.5 ") as the format's fraction ("0.07", "0.125"); anything not a number is left as typed, for the parser to reject. */
export function percentToFraction(s: string): string {
  if (!NUMBER_TEXT.test(s)) return s;
  return String(Number((Number(s) / 100).toPrecision(12)));
}

/** A stored check-in's fields as form values. */
export function valuesFromFields(f: CheckInFields, notesInternal = true): CheckInFormValues {
  const v: Record<string, unknown> = {};
  for (const d of CHECKIN_FIELDS) {
    const x = f[d.key];
    v[d.column] = Array.isArray(x) ? [...x] : typeof x === "number" && isPercent(d.column) ? fractionToPercent(x) : str(x);
  }
  v.notes_internal = notesInternal;
  return v as CheckInFormValues;
}

/** An empty form: the format's defaults, nothing else chosen. */
export function emptyValues(today: string): CheckInFormValues {
  const v: Record<string, unknown> = {};
  for (const d of CHECKIN_FIELDS) {
    v[d.column] = d.type === "list" ? [] : "default" in d ? (isPercent(d.column) ? fractionToPercent(Number(d.default)) : String(d.default)) : "";
  }
  v.date = today;
  v.notes_internal = true;
  return v as CheckInFormValues;
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
  const type = DEF_BY_COLUMN.get(field)?.type;
  if (type !== "int" && type !== "number") return t;
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
export function parseCheckInValues(values: CheckInFormValues, now?: Date | string): CheckInFormResult {
  const row: Record<string, string> = {};
  for (const f of TEXT_FIELDS) row[f] = isPercent(f) ? percentToFraction(values[f]) : values[f];
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

/** What is wrong with a field's value, roughly: the form turns it into words (messages checkin.errors). */
export type CheckInErrorKind =
  | "required" | "notNumber" | "notWhole" | "negative" | "tooLarge" | "badDate" | "future" | "badChoice" | "badEmail" | "tooLong" | "invalid";

/**
 * The kind of each problem the converter reported (its English messages, by column), from the
 * field's definition and the value as typed. The API and imports keep the converter's own
 * messages; the form shows a message per field and kind, in the user's language.
 */
export function formErrorKinds(values: CheckInFormValues, errors: Partial<Record<CheckInFormField, string>>): Partial<Record<CheckInFormField, CheckInErrorKind>> {
  const out: Partial<Record<CheckInFormField, CheckInErrorKind>> = {};
  for (const [field, message] of Object.entries(errors) as [CheckInFormField, string][]) {
    out[field] = errorKind(field, values[field], message ?? "");
  }
  return out;
}

function errorKind(field: CheckInFormField, value: string | string[] | boolean | undefined, message: string): CheckInErrorKind {
  const def = DEF_BY_COLUMN.get(field);
  if (!def) return "invalid";
  const raw = typeof value === "string" ? value : "";
  if (message.startsWith("required")) return "required";
  switch (def.type) {
    case "date":
      return message.includes("in the future") ? "future" : "badDate";
    case "enum":
    case "list":
      return "badChoice";
    case "email":
      return "badEmail";
    case "int":
    case "number": {
      if (!NUMBER_TEXT.test(raw)) return "notNumber";
      const n = Number(raw);
      const max = isPercent(field) ? def.max * 100 : def.max;
      if (n < def.min) return "negative";
      if (n > max) return "tooLarge";
      if (def.type === "int" && !Number.isInteger(n)) return "notWhole";
      return "invalid";
    }
    default:
      return message.startsWith("expected at most") ? "tooLong" : "invalid";
  }
}

/**
 * The check-in form's view of the one ActionState (lib/auth/action-state): its values are typed
 * (lists, a checkbox), `errors` are the fieldErrors and `conflict` the formError "conflict".
 */
export interface CheckInFormState {
  /** Bumped on every answer, so the form re-mounts with the submitted values. */
  n: number;
  values?: CheckInFormValues;
  /** Per field, what kind of problem its value has (CheckInErrorKind; the form puts it into words). */
  errors?: Partial<Record<CheckInFormField, string>>;
  /** Someone else saved this check-in since the form was opened. */
  conflict?: boolean;
}

export type CheckInFormAction = (prev: CheckInFormState, form: FormData) => Promise<CheckInFormState>;
