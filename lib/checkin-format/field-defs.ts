// Lookups over the one definition of the check-in fields (CHECKIN_FIELDS in
// lib/stages/vocabulary.ts, where the engine can import it too). Nothing here lists fields again.
import {
  CHECKIN_FIELDS, CLIENT_FIELD, ENGINE_FIELDS,
  type CheckInFieldDef, type CheckInFields, type FieldColumn, type FieldDef, type FieldKey,
} from "../stages/vocabulary";

export {
  CHECKIN_FIELDS, CLIENT_FIELD, ENGINE_FIELDS, INT32_MAX, fieldHelpKey, fieldLabelKey,
  type CheckInFieldDef, type CheckInFields, type EngineFieldDef, type EngineFieldKey, type FieldColumn, type FieldDef, type FieldKey, type FieldType, type FieldValue,
} from "../stages/vocabulary";

/** Every column of a record, in export order: `client`, then the fields. */
export const RECORD_FIELDS: readonly FieldDef[] = [CLIENT_FIELD, ...CHECKIN_FIELDS];

/** The camelCase keys of CheckInFields, in column order. */
export const FIELD_KEYS: readonly FieldKey[] = CHECKIN_FIELDS.map((d) => d.key);

/** A field's definition by its format column. */
export const FIELD_BY_COLUMN = Object.fromEntries(CHECKIN_FIELDS.map((d) => [d.column, d])) as {
  readonly [C in FieldColumn]: Extract<CheckInFieldDef, { column: C }>;
};

/** The definitions of one type (`fieldsOfType("list")`). */
export function fieldsOfType<T extends CheckInFieldDef["type"]>(type: T): Extract<CheckInFieldDef, { type: T }>[] {
  return CHECKIN_FIELDS.filter((d): d is Extract<CheckInFieldDef, { type: T }> => d.type === type);
}

/** Whether a field may be left out (it is not required). */
export function isOptional(d: FieldDef): boolean {
  return d.required !== true;
}

/** The value a field takes when not given: its default, [] for lists, else null. */
export function defaultOf(d: FieldDef): unknown {
  if (d.type === "list") return [];
  if ((d.type === "enum" || d.type === "int" || d.type === "number") && d.default !== undefined) return d.default;
  return null;
}

/** The engine's keys (StageInput's), in column order. */
export const ENGINE_KEYS = ENGINE_FIELDS.map((d) => d.key);

/** A copy of the fields of any object that has them (a stored row, a record): picks FIELD_KEYS. */
export function pickFields(row: CheckInFields): CheckInFields {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) out[k] = row[k];
  return out as CheckInFields;
}
