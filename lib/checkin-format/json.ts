// JSON reading and writing of the interchange format.
import type { CheckInRecord, FormatError, ParseResult } from "./types";
import { recordFromJson } from "./fields";
import type { AsOf } from "./values";
import { JsonDepthError, parseJsonBounded } from "../safe-json";
import { RECORD_FIELDS } from "./field-defs";

export const EMPTY_JSON_MESSAGE = "empty file: expected a JSON array of check-ins";

/** Parse a JSON array of records. Any bad record rejects the file, with one error per bad field. */
export function parseJson(text: string, now?: AsOf): ParseResult {
  if (text.trim() === "") return { ok: false, errors: [{ column: null, message: EMPTY_JSON_MESSAGE }] };
  let data: unknown;
  try {
    data = parseJsonBounded(text);
  } catch (err) {
    if (err instanceof JsonDepthError) return { ok: false, errors: [{ column: null, message: `the file is nested more than ${err.maxDepth} levels deep` }] };
    return { ok: false, errors: [{ column: null, message: `invalid JSON: ${(err as Error).message}` }] };
  }
  if (!Array.isArray(data)) return { ok: false, errors: [{ column: null, message: "expected a JSON array of check-ins" }] };
  const records: CheckInRecord[] = [];
  const errors: FormatError[] = [];
  data.forEach((item, index) => {
    const r = recordFromJson(item, now);
    if (r.ok) records.push(r.value);
    else for (const e of r.errors) errors.push({ index, column: e.column, message: e.message });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

/** The JSON form of one record: snake_case keys in column order, null where not given. */
export function toJsonObject(r: CheckInRecord): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const d of RECORD_FIELDS) o[d.column] = (r as unknown as Record<string, unknown>)[d.key];
  return o;
}

/** A JSON array, one record per line; every key present, null where not given. */
export function serializeJson(records: readonly CheckInRecord[]): string {
  if (records.length === 0) return "[]\n";
  return "[\n" + records.map((r) => JSON.stringify(toJsonObject(r))).join(",\n") + "\n]\n";
}
