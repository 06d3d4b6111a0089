// CSV (RFC 4180) reading and writing of the interchange format: csv-parse reads (whole texts with its
// sync API, streams with its stream API), csv-stringify writes.
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { parse as parseStream, type Options as CsvParseOptions, type Parser } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { RECORD_FIELDS } from "./field-defs";
import { COLUMNS, type CheckInRecord, type FormatError, type ParseResult } from "./types";
import { COLUMN_COUNT, REQUIRED_COLUMNS, columnId, convertRecord, dayOf, type ConvertOptions, type FieldIssue, type AsOf } from "./values";

// Any of CRLF, LF or CR ends a record (auto-detection would glue the rows of a mixed file together).
const PARSE_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] } satisfies CsvParseOptions;

export const EMPTY_CSV_MESSAGE = "empty file: expected a header row";

/**
 * Turns CSV rows (cells plus the file line where the row starts) into records and errors.
 * The first non-empty row is the header.
 */
export class CsvRecordReader {
  readonly errors: FormatError[] = [];
  private map: Int32Array | null = null;
  private width = 0;
  private headerFailed = false;
  private readonly opts: ConvertOptions;
  private readonly issues: FieldIssue[] = [];

  constructor(now?: AsOf, shareLists = false) {
    this.opts = { today: dayOf(now), withClient: true, shareLists };
  }

  /** Feed one row; returns its record, or null (header, blank row, or errors recorded). */
  push(cells: string[], line: number): CheckInRecord | null {
    if (this.map === null) {
      if (isBlank(cells)) return null;
      this.readHeader(cells, line);
      return null;
    }
    if (this.headerFailed) return null;
    if (cells.length !== this.width) {
      if (isBlank(cells)) return null;
      this.errors.push({ line, column: null, message: `expected ${this.width} fields as in the header, got ${cells.length}` });
      return null;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i]!.charCodeAt(0) === 39) cells[i] = restoreCell(cells[i]!);
    const issues = this.issues;
    const record = convertRecord(cells, this.map, this.opts, issues);
    if (record === null) {
      if (!isBlank(cells)) for (const i of issues) this.errors.push({ line, column: i.column, message: i.message });
      issues.length = 0;
    }
    return record;
  }

  /** Record malformed CSV (the reading stops there). */
  malformed(message: string, line?: number): void {
    const m = `malformed CSV: ${message}`;
    this.errors.push(line === undefined ? { column: null, message: m } : { line, column: null, message: m });
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

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.length > 0 && c.trim() !== "") return false;
  return true;
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

/**
 * Start lines from csv-parse's counters: the line after the previous record's end plus any
 * empty lines skipped. csv-parse counts a CRLF inside quotes as two lines, so the breaks of
 * multi-line records are counted here.
 */
class LineTracker {
  private prevEnd = 0;
  private prevEmpty = 0;
  private lastLine = 0;

  start(cells: string[], endLine: number, emptyLines: number): number {
    const skipped = emptyLines - this.prevEmpty;
    const line = this.lastLine + 1 + skipped;
    this.lastLine = endLine - this.prevEnd - skipped <= 1 ? line : line + lineBreaks(cells);
    this.prevEnd = endLine;
    this.prevEmpty = emptyLines;
    return line;
  }
}

/** Parse a whole CSV text (csv-parse). Any bad record rejects the file, with one error per bad field. */
export function parseCsv(text: string, now?: AsOf): ParseResult {
  const reader = new CsvRecordReader(now);
  const lines = new LineTracker();
  const records: CheckInRecord[] = [];
  try {
    parseSync(text, {
      ...PARSE_OPTIONS,
      on_record: (cells: string[], ctx) => {
        const r = reader.push(cells, lines.start(cells, ctx.lines, ctx.empty_lines));
        if (r !== null) records.push(r);
        return null;
      },
    });
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    reader.malformed(e.message ?? String(err), e.lines);
  }
  reader.finish();
  return reader.errors.length > 0 ? { ok: false, errors: reader.errors } : { ok: true, records };
}

export interface StreamCsvOptions {
  /** Share list arrays between records (faster, less memory); only if records are never mutated. */
  shareLists?: boolean;
  /**
   * The file's header cells, for a stream that starts at a record boundary after the header (a
   * later part of a file split for parallel reading). Header errors are not reported again: a
   * bad header yields no records and no errors (the part with the header reports them). Lines
   * are then counted from the start of the stream (line 1 = its first line).
   */
  header?: string[];
}

interface Malformed {
  message: string;
  line?: number;
}

/**
 * csv-parse's stream parser, fed chunk by chunk with `write`; `onRow` gets each row with its start
 * line while the chunk is being parsed.
 *
 * Lines come from the parser's live `info` counters (the same ones `on_record` receives; on_record
 * itself copies them into a new object for every row, which costs about a third of the parsing
 * time on a million rows). They are right only while the parser hands out each row as it parses
 * it, which a flowing stream with a 'data' listener does; the record count checks that.
 */
class CsvRows {
  private readonly parser: Parser;
  private received = 0;

  constructor(onRow: (cells: string[], line: number) => void) {
    const parser = parseStream(PARSE_OPTIONS);
    const info = parser.info;
    const lines = new LineTracker();
    parser.on("data", (cells: string[]) => {
      if (info.records !== ++this.received) throw new Error("csv-parse handed out a row late: its line is unknown");
      onRow(cells, lines.start(cells, info.lines, info.empty_lines));
    });
    parser.on("error", () => {}); // read from `parser.errored`
    this.parser = parser;
  }

  /** Parse a chunk (Buffer or text). Returns false once the input is malformed. */
  write(chunk: Buffer | string): boolean {
    if (this.parser.errored) return false;
    this.parser.write(chunk);
    return !this.parser.errored;
  }

  /** End of input: parses what is left. */
  async end(): Promise<void> {
    if (this.parser.errored) return;
    this.parser.end();
    await finished(this.parser).catch(() => {});
  }

  get error(): Malformed | null {
    const e = this.parser.errored as (Error & { lines?: number }) | null;
    return e === null ? null : { message: e.message, line: e.lines };
  }
}

/**
 * Read a CSV stream without holding the file in memory, calling `onRecord` for every good record.
 * Resolves to the errors (empty when the whole file is valid). A caller that must reject bad
 * files keeps what onRecord gave it only if the result is empty.
 */
export async function readCsvStream(
  stream: Readable,
  onRecord: (record: CheckInRecord, line: number) => void,
  now?: AsOf,
  opts: StreamCsvOptions = {},
): Promise<FormatError[]> {
  const reader = new CsvRecordReader(now, opts.shareLists === true);
  if (opts.header !== undefined) {
    reader.push(opts.header, 0);
    if (reader.errors.length > 0) return [];
  }
  const rows = new CsvRows((cells, line) => {
    const r = reader.push(cells, line);
    if (r !== null) onRecord(r, line);
  });
  for await (const chunk of stream as AsyncIterable<Buffer | string>) if (!rows.write(chunk)) break;
  await rows.end();
  if (rows.error) reader.malformed(rows.error.message, rows.error.line);
  reader.finish();
  return reader.errors;
}

/** The first non-blank row of a CSV stream (the header), or null if there is none or the CSV is malformed before it. */
export async function readCsvHeader(stream: Readable): Promise<string[] | null> {
  let header: string[] | null = null;
  const rows = new CsvRows((cells) => {
    if (header === null && !isBlank(cells)) header = cells;
  });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) if (!rows.write(chunk) || header !== null) break;
    if (header === null) await rows.end();
  } finally {
    stream.destroy();
  }
  return header;
}

export type CsvStreamItem = { ok: true; record: CheckInRecord; line: number } | { ok: false; error: FormatError };

/**
 * Read a CSV stream record by record without holding the file in memory. Yields each good record
 * and each error (a caller that must reject bad files collects errors before using any record).
 */
export async function* streamCsvRecords(stream: Readable, now?: AsOf, opts: StreamCsvOptions = {}): AsyncGenerator<CsvStreamItem> {
  const reader = new CsvRecordReader(now, opts.shareLists === true);
  let pending: CsvStreamItem[] = [];
  let reported = 0;
  const flushErrors = () => {
    while (reported < reader.errors.length) pending.push({ ok: false, error: reader.errors[reported++]! });
  };
  const rows = new CsvRows((cells, line) => {
    const record = reader.push(cells, line);
    flushErrors();
    if (record !== null) pending.push({ ok: true, record, line });
  });
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const ok = rows.write(chunk);
    const batch = pending;
    pending = [];
    yield* batch;
    if (!ok) break;
  }
  await rows.end();
  if (rows.error) reader.malformed(rows.error.message, rows.error.line);
  reader.finish();
  flushErrors();
  yield* pending;
}

// Spreadsheets run a cell that starts with =, +, -, @, tab or carriage return as a formula, so a
// client name like "=HYPERLINK(...)" would run when a manager opens the export. Such cells are
// written with a leading ' (OWASP's advice), and reading strips it again. A cell that already
// starts with quotes before such a character gets one more, so every text survives the round trip.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The cell as exported: formula starts neutralised with a leading '. */
export function neutraliseCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The cell as imported: one leading ' removed where export added it. */
export function restoreCell(s: string): string {
  return s.charCodeAt(0) === 39 && NEUTRALISED.test(s) ? s.slice(1) : s;
}

/** One record's cells: lists joined by ";", not-given values as empty cells, numbers as JavaScript writes them. */
function csvRow(r: CheckInRecord): string[] {
  const row = r as unknown as Record<string, unknown>;
  return RECORD_FIELDS.map((d) => {
    const v = row[d.key];
    return v === null || v === undefined ? "" : neutraliseCell(Array.isArray(v) ? v.join(";") : String(v));
  });
}

/**
 * CSV with a header of all COLUMNS; lists joined by ";", not-given values as empty cells. Without
 * the header, the rows alone: a file written in parts (a streamed export) is the same bytes.
 */
export function serializeCsv(records: readonly CheckInRecord[], opts: { header?: boolean } = {}): string {
  const rows: string[][] = opts.header === false ? [] : [COLUMNS.slice()];
  for (const r of records) rows.push(csvRow(r));
  return stringify(rows);
}
