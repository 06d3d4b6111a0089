// The interchange format's vocabulary (shared/checkin-format.md, version 1).
// Every other module (stage engine, forms, API, DB schema) takes its enums from here.

export * from "../stages/vocabulary";
import type { CheckInFields } from "../stages/vocabulary";

/** One record of the interchange format: a check-in plus the client's name. */
export interface CheckInRecord extends CheckInFields {
  client: string;
}

/** Column names of the format, in the order export writes them. */
export const COLUMNS = [
  "client", "date", "consultant", "accounts", "accounts_since", "posts_last_30d", "rhythm",
  "automated_share", "replies", "promotion", "results", "tools", "mention_response_hours",
  "advocacy", "attitude", "followers", "notes",
] as const;
export type Column = (typeof COLUMNS)[number];

/** One problem with one record: `line` for CSV (1-based file line of the record's start, header = line 1), `index` for JSON (0-based). */
export interface FormatError {
  line?: number;
  index?: number;
  column: string | null; // null when the problem is not one column's (a malformed row, not an array)
  message: string; // "expected none, sporadic or scheduled, got \"weekly\""
}

export type ParseResult = { ok: true; records: CheckInRecord[] } | { ok: false; errors: FormatError[] };
