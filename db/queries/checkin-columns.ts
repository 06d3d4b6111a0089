// Drizzle column lists of check_ins, derived from the field definitions (lib/stages/vocabulary.ts):
// a select names the fields it needs once, through the definition, never by hand.
import { sql, type SQL } from "drizzle-orm";
import { checkIns, type CheckIn } from "../schema";
import { CHECKIN_FIELDS, ENGINE_KEYS, FIELD_KEYS, type FieldKey } from "../../lib/checkin-format/field-defs";
import type { CheckInFields } from "../../lib/checkin-format/types";

/** `{ key: checkIns[key] }` for each key, for `db.select(...)`. */
export function checkInColumns<K extends FieldKey>(keys: readonly K[]): { [P in K]: (typeof checkIns)[P] } {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = checkIns[k];
  return out as { [P in K]: (typeof checkIns)[P] };
}

/** Every field of the interchange format (what fieldsOf returns). */
export const FIELD_COLUMNS = checkInColumns(FIELD_KEYS);
/** What the stage engine reads (StageInput): less to fetch and decode than the whole row. */
export const ENGINE_COLUMNS = checkInColumns(ENGINE_KEYS);

/** The fields of the interchange format, taken from a stored check-in. */
export function fieldsOf(row: CheckIn): CheckInFields {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) out[k] = row[k];
  return out as CheckInFields;
}

/**
 * The field columns of a `jsonb_to_recordset` row type, `posts_last_30d integer, rhythm rhythm, ...`,
 * with each column's own SQL type (enum columns read straight into their enum type).
 */
export function recordsetFieldColumns(): SQL {
  return sql.raw(CHECKIN_FIELDS.map((d) => `${checkIns[d.key].name} ${checkIns[d.key].getSQLType()}`).join(", "));
}

/** The field column names, comma-separated, for an insert's column list. */
export function fieldColumnNames(): SQL {
  return sql.raw(CHECKIN_FIELDS.map((d) => checkIns[d.key].name).join(", "));
}

/** One row's fields keyed by column name (snake_case), for a JSON recordset. */
export function fieldsAsColumns(f: CheckInFields, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const d of CHECKIN_FIELDS) out[d.column] = f[d.key];
  return out;
}
