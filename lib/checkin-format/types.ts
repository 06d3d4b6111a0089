// The interchange format's vocabulary (shared/checkin-format.md, version 1).
// Every other module (stage engine, forms, API, DB schema) takes its enums from here.

export * from "../stages/vocabulary";
import { CHECKIN_FIELDS, CLIENT_FIELD, type CheckInFields, type FieldColumn } from "../stages/vocabulary";

/** One record of the interchange format: a check-in plus the client's name. */
export interface CheckInRecord extends CheckInFields {
  client: string;
}

/** Column names of the format, in the order export writes them (from CHECKIN_FIELDS). */
export type Column = typeof CLIENT_FIELD.column | FieldColumn;
export const COLUMNS: readonly Column[] = [CLIENT_FIELD.column, ...CHECKIN_FIELDS.map((d) => d.column)];

/** One problem with one record: `line` for CSV (1-based file line of the record's start, header = line 1), `index` for JSON (0-based). */
export interface FormatError {
  line?: number;
  index?: number;
  column: string | null; // null when the problem is not one column's (a malformed row, not an array)
  message: string; // "expected none, sporadic or scheduled, got \"weekly\""
}

export type ParseResult = { ok: true; records: CheckInRecord[] } | { ok: false; errors: FormatError[] };
