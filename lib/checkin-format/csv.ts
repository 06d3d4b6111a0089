// CSV (RFC 4180) reading and writing of the interchange format.
import type { Readable } from "node:stream";
import { parse, type Options as CsvParseOptions } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { COLUMNS, type CheckInRecord, type FormatError, type ParseResult } from "./types";
import { COLUMN_COUNT, REQUIRED_COLUMNS, columnId, convertRecord, isoDay, type ConvertOptions, type FieldIssue } from "./values";

const PARSE_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true } satisfies CsvParseOptions;

export const EMPTY_CSV_MESSAGE = "empty file: expected a header row";

/**
 * Turns parsed CSV rows (cells plus csv-parse's line counters) into records and errors.
 * The first non-empty row is the header. A record's line is the file line where it starts:
 * the line after the previous record's end, plus any empty lines skipped in between. csv-parse
 * counts a CRLF inside quotes as two lines, so multi-line records have their breaks counted here.
 */
export class CsvRecordReader {
  readonly errors: FormatError[] = [];
  /** Line where the last record returned by push() starts. */
  line = 0;
  private map: Int32Array | null = null;
  private width = 0;
  private headerFailed = false;
  private prevEnd = 0; // csv-parse's line counter after the previous record
  private prevEmpty = 0; // csv-parse's empty-line counter after the previous record
  private lastLine = 0; // true file line where the previous record ended
  private readonly opts: ConvertOptions;
  private readonly issues: FieldIssue[] = [];

  constructor(now?: Date, shareLists = false) {
    this.opts = { today: isoDay(now), withClient: true, shareLists };
  }

  /** Feed one row; returns its record, or null (header, blank row, or errors recorded). */
  push(cells: string[], endLine: number, emptyLines: number): CheckInRecord | null {
    const skipped = emptyLines - this.prevEmpty;
    const line = this.lastLine + 1 + skipped;
    this.lastLine = endLine - this.prevEnd - skipped <= 1 ? line : line + lineBreaks(cells);
    this.prevEnd = endLine;
    this.prevEmpty = emptyLines;
    this.line = line;
    if (this.map === null) {
      this.readHeader(cells, line);
      return null;
    }
    if (this.headerFailed) return null;
    if (cells.length !== this.width) {
      if (isBlank(cells)) return null;
      this.errors.push({ line, column: null, message: `expected ${this.width} fields as in the header, got ${cells.length}` });
      return null;
    }
    const issues = this.issues;
    const record = convertRecord(cells, this.map, this.opts, issues);
    if (record === null) {
      if (isBlank(cells)) {
        issues.length = 0;
        return null;
      }
      for (const i of issues) this.errors.push({ line, column: i.column, message: i.message });
      issues.length = 0;
    }
    return record;
  }

  /** Record a parser failure (malformed CSV). */
  fail(err: unknown): void {
    const e = err as { message?: string; lines?: number };
    const message = `malformed CSV: ${e.message ?? String(err)}`;
    this.errors.push(typeof e.lines === "number" ? { line: e.lines, column: null, message } : { column: null, message });
  }

  /** Call at the end of input. */
  finish(): void {
    if (this.map === null && this.errors.length === 0) this.errors.push({ column: null, message: EMPTY_CSV_MESSAGE });
  }

  private readHeader(cells: string[], line: number): void {
    const map = new Int32Array(COLUMN_COUNT).fill(-1);
    const before = this.errors.length;
    cells.forEach((name, i) => {
      const id = columnId(name);
      if (id < 0) this.errors.push({ line, column: name, message: `unknown column "${name}"` });
      else if (map[id]! >= 0) this.errors.push({ line, column: COLUMNS[id]!, message: `column "${COLUMNS[id]}" appears twice in the header` });
      else map[id] = i;
    });
    for (const col of REQUIRED_COLUMNS) {
      if (map[COLUMNS.indexOf(col)]! < 0) this.errors.push({ line, column: col, message: "missing required column" });
    }
    this.map = map;
    this.width = cells.length;
    this.headerFailed = this.errors.length > before;
  }
}

/** Line breaks inside the cells: CRLF, LF or a lone CR each count once. */
function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (ch === 10) n++;
      else if (ch === 13 && c.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

/** Parse a whole CSV text. Any bad record rejects the file, with one error per bad field. */
export function parseCsv(text: string, now?: Date): ParseResult {
  const reader = new CsvRecordReader(now);
  const records: CheckInRecord[] = [];
  try {
    parseSync(text, {
      ...PARSE_OPTIONS,
      on_record: (cells: string[], ctx) => {
        const r = reader.push(cells, ctx.lines, ctx.empty_lines);
        if (r !== null) records.push(r);
        return null;
      },
    });
  } catch (err) {
    reader.fail(err);
  }
  reader.finish();
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, records };
}

export type CsvStreamItem = { ok: true; record: CheckInRecord; line: number } | { ok: false; error: FormatError };

export interface StreamCsvOptions {
  /** Share list arrays between records (faster, less memory); only if records are never mutated. */
  shareLists?: boolean;
}

/**
 * Read a CSV stream record by record without holding the file in memory. Yields each good record
 * and each error (a caller that must reject bad files collects errors before using any record).
 */
export async function* streamCsvRecords(stream: Readable, now?: Date, opts: StreamCsvOptions = {}): AsyncGenerator<CsvStreamItem> {
  const reader = new CsvRecordReader(now, opts.shareLists === true);
  let reported = 0;
  const parser = parse({
    ...PARSE_OPTIONS,
    on_record: (cells: string[], ctx) => {
      const record = reader.push(cells, ctx.lines, ctx.empty_lines);
      return record === null ? null : ({ ok: true, record, line: reader.line } as unknown as string[]);
    },
  });
  stream.on("error", (err) => parser.destroy(err));
  stream.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<CsvStreamItem>) {
      while (reported < reader.errors.length) yield { ok: false, error: reader.errors[reported++]! };
      yield item;
    }
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith("CSV_")) reader.fail(err);
    else throw err;
  }
  reader.finish();
  while (reported < reader.errors.length) yield { ok: false, error: reader.errors[reported++]! };
}

function csvRow(r: CheckInRecord): string[] {
  return [
    r.client, r.date, r.consultant ?? "", r.accounts.join(";"), r.accountsSince ?? "", String(r.postsLast30d), r.rhythm,
    String(r.automatedShare), r.replies, r.promotion, r.results, r.tools.join(";"), num(r.mentionResponseHours),
    r.advocacy, r.attitude ?? "", num(r.followers), r.notes ?? "",
  ];
}
function num(n: number | null): string {
  return n === null ? "" : String(n);
}

/** CSV with a header of all COLUMNS; lists joined by ";", not-given values as empty cells. */
export function serializeCsv(records: readonly CheckInRecord[]): string {
  const rows: string[][] = [COLUMNS.slice()];
  for (const r of records) rows.push(csvRow(r));
  return stringify(rows);
}
