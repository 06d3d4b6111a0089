// One record from a form (strings) or from JSON, and the zod schemas built on the same converter.
import { z } from "zod";
import type { CheckInFieldDef, CheckInFields } from "../stages/vocabulary";
import type { CheckInRecord } from "./types";
import { COLUMN_COUNT, COL, columnId, convertRecord, dayOf, shown, withoutClient, type FieldIssue, type AsOf } from "./values";

export type FieldsResult<T = CheckInFields> = { ok: true; value: T } | { ok: false; errors: FieldIssue[] };

/** What the JSON form accepts for one field: the converter takes numbers as numbers or numeric strings, lists as arrays or ";"-strings. */
type JsonInput<D> = D extends { type: "list" } ? string[] | string : D extends { type: "int" | "number" } ? number | string : string;
type RequiredDef = Extract<CheckInFieldDef, { required: true }>;
type OptionalDef = Exclude<CheckInFieldDef, { required: true }>;

/** The JSON form of a record's fields (snake_case, as in shared/checkin-format.md); what zod accepts. Derived from CHECKIN_FIELDS. */
export type CheckInFieldsJson = { [D in RequiredDef as D["column"]]: JsonInput<D> } & { [D in OptionalDef as D["column"]]?: JsonInput<D> | null };
export type CheckInRecordJson = CheckInFieldsJson & { client: string };

const IDENTITY = Int32Array.from({ length: COLUMN_COUNT }, (_, i) => i);

/** Convert an object keyed by column name; unknown keys (and `client` when withClient is false) are errors. */
function convertObject(obj: unknown, withClient: boolean, today: string, issues: FieldIssue[]): CheckInRecord | null {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    issues.push({ column: null, message: `expected an object with the check-in's fields, got ${shown(obj)}` });
    return null;
  }
  const source = new Array<unknown>(COLUMN_COUNT);
  const start = issues.length;
  for (const key of Object.keys(obj)) {
    const id = columnId(key);
    if (id < 0 || (id === COL.client && !withClient)) {
      issues.push({ column: key, message: `unknown column "${key}"` });
      continue;
    }
    if (source[id] !== undefined) {
      issues.push({ column: key, message: `column "${key}" given twice` });
      continue;
    }
    source[id] = (obj as Record<string, unknown>)[key];
  }
  const record = convertRecord(source, IDENTITY, { today, withClient }, issues);
  return issues.length > start ? null : record;
}

/** One form or CSV-style row of strings (empty string = not given) into fields, or errors by column. */
export function fieldsFromStrings(row: Record<string, string>, now?: AsOf): FieldsResult {
  return fieldsFromJson(row, now);
}

/** One JSON object (snake_case keys) into fields, or errors by column. */
export function fieldsFromJson(obj: unknown, now?: AsOf): FieldsResult {
  const errors: FieldIssue[] = [];
  const r = convertObject(obj, false, dayOf(now), errors);
  return r === null ? { ok: false, errors } : { ok: true, value: withoutClient(r) };
}

/** One JSON object with `client` into a CheckInRecord, or errors by column. */
export function recordFromJson(obj: unknown, now?: AsOf): FieldsResult<CheckInRecord> {
  const errors: FieldIssue[] = [];
  const r = convertObject(obj, true, dayOf(now), errors);
  return r === null ? { ok: false, errors } : { ok: true, value: r };
}

function schemaFor<T extends CheckInFields, In>(withClient: boolean, now?: () => AsOf): z.ZodType<T, In> {
  return z.unknown().transform((input, ctx) => {
    const issues: FieldIssue[] = [];
    const r = convertObject(input, withClient, dayOf(now ? now() : undefined), issues);
    if (r === null) {
      for (const i of issues) ctx.addIssue({ code: "custom", message: i.message, path: i.column === null ? [] : [i.column], input });
      return z.NEVER;
    }
    return (withClient ? r : withoutClient(r)) as T;
  }) as unknown as z.ZodType<T, In>;
}

/** Zod schema of one record's fields in JSON form (no `client`); output is camelCase CheckInFields. */
export const checkInFieldsSchema = schemaFor<CheckInFields, CheckInFieldsJson>(false);
/** Zod schema of one record in JSON form (with `client`); output is a CheckInRecord. */
export const checkInRecordSchema = schemaFor<CheckInRecord, CheckInRecordJson>(true);

/** The same schemas with a fixed "today" (for tests and imports that pin the clock). */
export function checkInSchemasAt(now: AsOf) {
  return {
    fields: schemaFor<CheckInFields, CheckInFieldsJson>(false, () => now),
    record: schemaFor<CheckInRecord, CheckInRecordJson>(true, () => now),
  };
}
