// Writes the stages command's JSON straight into byte buffers. Output is hundreds of MB for a
// million check-ins; message strings are few and memoised, so their JSON bytes are cached and
// each entry is a handful of byte copies instead of string building plus UTF-8 encoding.
import type { StageEntry } from "../lib/stages";

const SLAB = 1 << 20;

export class JsonBytesWriter {
  private buf = Buffer.allocUnsafe(SLAB);
  private pos = 0;
  private readonly cache = new Map<string, Buffer>();
  private readonly confidence: Buffer[] = Array.from({ length: 101 }, (_, i) => Buffer.from(String(i / 100)));
  private readonly stage: Buffer[] = Array.from({ length: 7 }, (_, i) => Buffer.from(String(i)));
  private static readonly P = {
    first: Buffer.from('{"date":"'),
    next: Buffer.from(',{"date":"'),
    stage: Buffer.from('","stage":'),
    confidence: Buffer.from(',"confidence":'),
    reasons: Buffer.from(',"reasons":['),
    missing: Buffer.from('],"missing":['),
    end: Buffer.from("]}"),
  };

  /** `flush(bytes)` receives full slabs; the caller writes them out (and may await). */
  constructor(private readonly flush: (bytes: Buffer) => void) {}

  get pending(): number {
    return this.pos;
  }

  private room(n: number): void {
    if (this.pos + n > this.buf.length) {
      this.flushNow();
      if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
    }
  }

  flushNow(): void {
    if (this.pos === 0) return;
    this.flush(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(SLAB, this.buf.length));
    this.pos = 0;
  }

  bytes(b: Buffer): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    if (n < 48) for (let i = 0; i < n; i++) buf[p++] = b[i]!;
    else {
      b.copy(buf, p);
      p += n;
    }
    this.pos = p;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** A string known to be ASCII without characters JSON escapes (dates). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A JSON string literal, cached for repeated strings. */
  quoted(s: string): void {
    let b = this.cache.get(s);
    if (b === undefined) {
      b = Buffer.from(JSON.stringify(s));
      if (this.cache.size < 100_000) this.cache.set(s, b);
    }
    this.bytes(b);
  }

  private list(items: readonly string[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(44);
      this.quoted(items[i]!);
    }
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** `{"date":..., "stage":..., "confidence":..., "reasons":[...], "missing":[...]}` entries, comma-separated. */
  history(entries: readonly StageEntry[]): void {
    const P = JsonBytesWriter.P;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      this.bytes(i === 0 ? P.first : P.next);
      this.ascii(e.date);
      this.bytes(P.stage);
      this.bytes(this.stage[e.stage]!);
      this.bytes(P.confidence);
      const c = Math.round(e.confidence * 100);
      if (c / 100 === e.confidence) this.bytes(this.confidence[c]!);
      else this.text(String(e.confidence));
      this.bytes(P.reasons);
      this.list(e.reasons);
      this.bytes(P.missing);
      this.list(e.missing);
      this.bytes(P.end);
    }
  }
}
