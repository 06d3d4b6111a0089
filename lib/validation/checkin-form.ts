// The check-in form's values (strings, as the browser sends them) and the pure steps around
// them: prefill from the previous check-in, what changed, and conversion through the format
// module's own converter so the form, CSV import and the API give the same messages.
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

/** A stored check-in's fields as form values. */
export function valuesFromFields(f: CheckInFields, notesInternal = true): CheckInFormValues {
  const v: Record<string, unknown> = {};
  for (const d of CHECKIN_FIELDS) {
    const x = f[d.key];
    v[d.column] = Array.isArray(x) ? [...x] : str(x);
  }
  v.notes_internal = notesInternal;
  return v as CheckInFormValues;
}

/** An empty form: the format's defaults, nothing else chosen. */
export function emptyValues(today: string): CheckInFormValues {
  const v: Record<string, unknown> = {};
  for (const d of CHECKIN_FIELDS) v[d.column] = d.type === "list" ? [] : "default" in d ? String(d.default) : "";
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

/**
 * The check-in form's view of the one ActionState (lib/auth/action-state): its values are typed
 * (lists, a checkbox), `errors` are the fieldErrors and `conflict` the formError "conflict".
 */
export interface CheckInFormState {
  /** Bumped on every answer, so the form re-mounts with the submitted values. */
  n: number;
  values?: CheckInFormValues;
  errors?: Partial<Record<CheckInFormField, string>>;
  /** Someone else saved this check-in since the form was opened. */
  conflict?: boolean;
}

export type CheckInFormAction = (prev: CheckInFormState, form: FormData) => Promise<CheckInFormState>;
