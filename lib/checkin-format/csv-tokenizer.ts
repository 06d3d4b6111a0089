// A fast incremental RFC 4180 tokenizer for large files (the stages command reads a million rows).
// csv-parse reads about 15-20 MB/s on this machine, too slow for a 100 MB file in the time budget;
// this tokenizer scans with indexOf and charCodeAt and is checked against csv-parse in
// csv-tokenizer.test.ts (same rows, same lines, and both reject the same malformed input).
// Record delimiters: CRLF, LF or a lone CR. Empty lines are skipped. A leading BOM is dropped.

export interface TokenizerError {
  line: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private rest = "";
  private line = 1; // file line where `rest` starts
  private first = true;
  private failed: TokenizerError | null = null;

  /** `onRow(cells, line)`: `line` is the file line where the row starts (1-based). */
  constructor(private readonly onRow: (cells: string[], line: number) => void) {}

  get error(): TokenizerError | null {
    return this.failed;
  }

  /** Feed decoded text. Returns false once the input is malformed (then `error` says why). */
  write(chunk: string): boolean {
    if (this.failed) return false;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.scan(this.rest.length === 0 ? chunk : this.rest + chunk, false);
    return this.failed === null;
  }

  /** End of input. Returns false if the input was malformed. */
  end(): boolean {
    if (this.failed) return false;
    this.scan(this.rest, true);
    this.rest = "";
    return this.failed === null;
  }

  private fail(line: number, message: string): void {
    this.failed = { line, message };
    this.rest = "";
  }

  private scan(buf: string, final: boolean): void {
    const len = buf.length;
    let pos = 0;
    let line = this.line;
    // Next quote and CR at or after pos (len = none): rows with neither take the fast path.
    let nextQuote = -1;
    let nextCr = -1;
    rows: while (pos < len) {
      const rowStart = pos;
      const rowLine = line;
      let c = buf.charCodeAt(pos);
      if (c !== LF && c !== CR) {
        let eol = buf.indexOf("\n", pos);
        if (eol < 0) {
          if (!final) break;
          eol = len;
        }
        if (nextQuote < pos) {
          nextQuote = buf.indexOf('"', pos);
          if (nextQuote < 0) nextQuote = len;
        }
        if (nextCr < pos) {
          nextCr = buf.indexOf("\r", pos);
          if (nextCr < 0) nextCr = len;
        }
        const end = nextCr === eol - 1 ? eol - 1 : eol; // CRLF
        if (nextQuote >= end && nextCr >= end) {
          pos = eol + 1;
          line++;
          this.onRow(buf.slice(rowStart, end).split(","), rowLine);
          if (this.failed) return;
          continue;
        }
      }
      if (c === LF || c === CR) {
        // Empty line.
        if (c === CR) {
          if (pos + 1 >= len && !final) break;
          pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        line++;
        continue;
      }
      const cells: string[] = [];
      let breaks = 0;
      for (;;) {
        c = pos < len ? buf.charCodeAt(pos) : -1;
        if (c === QUOTE) {
          let value = "";
          let p = pos + 1;
          for (;;) {
            const q = buf.indexOf('"', p);
            if (q < 0 || (q + 1 >= len && !final)) {
              if (!final) {
                pos = rowStart;
                line = rowLine;
                break rows;
              }
              if (q < 0) return this.fail(rowLine, "a quoted field is not closed before the end of the file");
            }
            breaks += lineBreaks(buf, p, q);
            if (buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(p, q + 1);
              p = q + 2;
              continue;
            }
            value += buf.slice(p, q);
            pos = q + 1;
            break;
          }
          cells.push(value);
          c = pos < len ? buf.charCodeAt(pos) : -1;
          if (c === -1 && !final) {
            pos = rowStart;
            line = rowLine;
            break rows;
          }
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
            return this.fail(rowLine + breaks, `unexpected ${JSON.stringify(buf[pos])} after a closing quote (a quote inside a field is written "")`);
          }
        } else {
          let p = pos;
          while (p < len) {
            c = buf.charCodeAt(p);
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            p++;
          }
          if (p >= len) {
            if (!final) {
              pos = rowStart;
              line = rowLine;
              break rows;
            }
            c = -1;
          }
          if (c === QUOTE) return this.fail(rowLine + breaks, 'a quote inside a field that does not start with a quote (quote the whole field and write a quote as "")');
          cells.push(buf.slice(pos, p));
          pos = p;
        }
        if (c === COMMA) {
          pos++;
          continue;
        }
        // End of row: LF, CR, CRLF or end of input.
        if (c === CR) {
          if (pos + 1 >= len && !final) {
            pos = rowStart;
            line = rowLine;
            break rows;
          }
          pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else if (c === LF) pos++;
        line += 1 + breaks;
        this.onRow(cells, rowLine);
        if (this.failed) return;
        continue rows;
      }
    }
    this.line = line;
    this.rest = pos < len ? buf.slice(pos) : "";
  }
}

/** Line breaks in buf[from, to): CRLF, LF or a lone CR each count once. */
function lineBreaks(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF || (c === CR && buf.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}
