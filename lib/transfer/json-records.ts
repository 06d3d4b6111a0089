// A JSON check-in file read while it streams in: the top-level array is cut into its elements as
// the text arrives, each element is parsed (JSON.parse) and converted on its own, and only the
// text of the last element or two is held. The answer is exactly parseJson's on the whole text:
// the same records, the same errors by index, the same messages for an empty file, a file that is
// not an array, one nested too deeply, and for broken JSON (see `syntaxMessage`).
import { parseJson, recordFromJson, type AsOf, type CheckInRecord, type FormatError, type ParseResult } from "../checkin-format";
import { MAX_JSON_DEPTH } from "../safe-json";

const enum Mode {
  /** Only whitespace so far. */
  Start,
  /** Inside the top-level array. */
  Array,
  /** After the array's closing bracket. */
  After,
  /** The file is not an array (or starts with something odd): kept whole, parsed by parseJson at the end. */
  Whole,
}

/** Text held beyond what an error message could need is dropped once it passes this size. */
const TRIM_AT = 16 * 1024;
/** V8 quotes up to 10 characters either side of an unexpected token; a little more is kept. */
const CONTEXT = 12;
/** Below this many characters V8 quotes the whole text in its message: nothing is dropped. */
const SHORT_TEXT = 32;

const isJsonSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonRecordReader {
  private mode = Mode.Start;
  /** Characters written so far (UTF-16 units, as JSON.parse counts positions). */
  private offset = 0;
  // safe-json's jsonDepth scan, carried from chunk to chunk (it decides before any parsing).
  private inString = false;
  private skipNext = false;
  private depth = 0;
  private maxDepth = 0;
  private tooDeep = false;
  /** The text from `keptStart` on. What came before is only needed as its shape (see `pad`). */
  private kept = "";
  private keptStart = 0;
  private droppedNewlines = 0;
  private lastDroppedNewline = -1;
  /** Where the array opens and closes. */
  private open = -1;
  private close = -1;
  /** The current element's first character, and earlier element starts still in `kept`. */
  private elementStart = -1;
  private starts: number[] = [];
  private index = 0;
  private records: CheckInRecord[] = [];
  private errors: FormatError[] = [];
  /** Broken JSON found: the text is kept up to this offset, enough for V8's message. */
  private brokenUntil = -1;

  constructor(private readonly now?: AsOf) {}

  write(text: string): void {
    if (this.tooDeep || text === "") return;
    const base = this.offset;
    this.offset += text.length;
    if (this.mode === Mode.Whole) {
      this.kept += text;
      return;
    }
    if (this.brokenUntil < 0) this.kept += text;
    else if (this.keptStart + this.kept.length < this.brokenUntil) this.kept += text.slice(0, this.brokenUntil - this.keptStart - this.kept.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const pos = base + i;
      if (this.mode === Mode.Start && !isJsonSpace(c)) {
        if (c !== 91) {
          // Not an array (or a byte order mark, or other odd space): parseJson decides, on the whole text.
          this.mode = Mode.Whole;
          return;
        }
        this.mode = Mode.Array;
        this.open = pos;
        this.elementStart = pos + 1;
        this.starts.push(pos + 1);
      } else if (this.mode === Mode.After && !isJsonSpace(c) && this.brokenUntil < 0) {
        this.broken(pos);
      }
      // jsonDepth, character for character.
      if (this.skipNext) {
        this.skipNext = false;
        continue;
      }
      if (this.inString) {
        if (c === 92) this.skipNext = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 91 || c === 123) {
        if (++this.depth > this.maxDepth) {
          this.maxDepth = this.depth;
          if (this.maxDepth > MAX_JSON_DEPTH) {
            this.tooDeep = true; // the answer is the depth error, whatever else the text holds
            this.kept = "";
            this.records = [];
            return;
          }
        }
      } else if (c === 93 || c === 125) {
        this.depth--;
        if (this.mode === Mode.Array && this.depth === 0) {
          this.element(pos, c);
          this.mode = Mode.After;
          this.close = pos;
        }
      } else if (c === 44 && this.depth === 1 && this.mode === Mode.Array) {
        this.element(pos, c);
        this.elementStart = pos + 1;
        this.starts.push(pos + 1);
      }
    }
    this.trim();
  }

  /** The file's records, or its errors: what parseJson answers for the whole text. */
  finish(): ParseResult {
    if (this.tooDeep) return { ok: false, errors: [{ column: null, message: `the file is nested more than ${MAX_JSON_DEPTH} levels deep` }] };
    if (this.mode === Mode.Start || this.mode === Mode.Whole) return parseJson(this.pad() + this.kept, this.now);
    if (this.mode === Mode.Array && this.brokenUntil < 0) this.broken(this.offset); // the array never closed
    if (this.brokenUntil >= 0) return { ok: false, errors: [{ column: null, message: `invalid JSON: ${this.syntaxMessage()}` }] };
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, records: this.records };
  }

  /** One element of the array, ending (exclusive) at `end`, where `closer` (`,` `]` or `}`) stands. */
  private element(end: number, closer: number): void {
    if (this.brokenUntil >= 0) return;
    const text = this.kept.slice(this.elementStart - this.keptStart, end - this.keptStart);
    let blank = true;
    for (let i = 0; i < text.length && blank; i++) blank = isJsonSpace(text.charCodeAt(i));
    if (blank) {
      // Only `[ ]` may have nothing between its brackets.
      if (!(closer === 93 && this.index === 0)) this.broken(end);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.broken(end);
      return;
    }
    if (closer === 125) {
      this.broken(end); // `}` closing the array
      return;
    }
    const r = recordFromJson(value, this.now);
    if (r.ok) this.records.push(r.value);
    else for (const e of r.errors) this.errors.push({ index: this.index, column: e.column, message: e.message });
    this.index++;
  }

  /** The first error lies at or before `at`: keep the text until a little past it, for the message. */
  private broken(at: number): void {
    // V8 quotes a short text whole, so at least that much stays.
    this.brokenUntil = Math.max(at + CONTEXT, SHORT_TEXT);
    this.records = [];
    this.errors = [];
    if (this.keptStart + this.kept.length > this.brokenUntil) this.kept = this.kept.slice(0, this.brokenUntil - this.keptStart);
  }

  /** Drops text no message can quote any more: before an element start at least CONTEXT characters back. */
  private trim(): void {
    if (this.kept.length < TRIM_AT || this.brokenUntil >= 0 || this.offset < SHORT_TEXT) return;
    let to = -1;
    if (this.mode === Mode.Array) {
      const limit = this.elementStart - CONTEXT;
      let k = 0;
      while (k < this.starts.length && this.starts[k]! <= limit) to = this.starts[k++]!;
      this.starts = this.starts.slice(Math.max(0, k - 1));
    } else {
      // Whitespace only (before the array, or after it): its last few characters are enough.
      to = this.offset - CONTEXT;
    }
    if (to <= this.keptStart) return;
    const dropped = this.kept.slice(0, to - this.keptStart);
    for (let i = dropped.indexOf("\n"); i >= 0; i = dropped.indexOf("\n", i + 1)) {
      this.droppedNewlines++;
      this.lastDroppedNewline = this.keptStart + i;
    }
    this.kept = this.kept.slice(to - this.keptStart);
    this.keptStart = to;
  }

  /**
   * Stands in for the dropped text: as long, with the array's brackets and as many line breaks at
   * the same last place, the rest spaces. What follows it parses exactly as in the whole text
   * (it starts at an element or in whitespace), and positions, lines and columns are the same.
   */
  private pad(): string {
    const n = this.keptStart;
    if (n === 0) return "";
    const chars = new Array<string>(n).fill(" ");
    if (this.open >= 0 && this.open < n) chars[this.open] = "[";
    if (this.close >= 0 && this.close < n) chars[this.close] = "]";
    for (let left = this.droppedNewlines, i = this.lastDroppedNewline; left > 0 && i >= 0; i--) {
      if (chars[i] !== " ") continue;
      chars[i] = "\n";
      left--;
    }
    return chars.join("");
  }

  /**
   * V8's own message for the whole text, with its position and the characters around it: the
   * elements before the broken one parsed, so the dropped text can be replaced by `pad` and
   * JSON.parse meets the same first error at the same place in what is left.
   */
  private syntaxMessage(): string {
    try {
      JSON.parse(this.pad() + this.kept);
    } catch (err) {
      return (err as Error).message;
    }
    return "Unexpected token"; // not reached: the text above does not parse
  }
}

/** Reads a JSON check-in file from its text as it arrives. */
export async function readJsonRecords(text: AsyncIterable<string>, now?: AsOf): Promise<ParseResult> {
  const reader = new JsonRecordReader(now);
  for await (const t of text) reader.write(t);
  return reader.finish();
}
