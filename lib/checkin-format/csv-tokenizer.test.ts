// The fast tokenizer must read CSV exactly as csv-parse does (rows and start lines), whatever the
// chunking, and reject the same malformed input.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { CsvTokenizer } from "./csv-tokenizer";

type Row = [string[], number];

function viaTokenizer(chunks: string[]): Row[] | "error" {
  const rows: Row[] = [];
  const t = new CsvTokenizer((cells, line) => rows.push([cells, line]));
  for (const c of chunks) t.write(c);
  t.end();
  return t.error ? "error" : rows;
}

function viaCsvParse(text: string): Row[] | "error" {
  try {
    const recs = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"], raw: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return recs.map((r) => [r.record, 0] as Row);
  } catch {
    return "error";
  }
}

function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

const csvText = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", "\r\n", " ", "é", "😀"), maxLength: 60 });

describe("CsvTokenizer", () => {
  it("reads the same rows as csv-parse and rejects the same input, in any chunking", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 5 }), (text, cuts) => {
        const expected = viaCsvParse(text);
        const got = viaTokenizer(split(text, cuts));
        if (expected === "error") expect(got).toBe("error");
        else {
          expect(got).not.toBe("error");
          expect((got as Row[]).map((r) => r[0])).toEqual(expected.map((r) => r[0]));
        }
      }),
      { seed: 77, numRuns: 3000 },
    );
  });

  it("gives the line where each row starts, counting CRLF inside quotes once", () => {
    const text = 'h1,h2\r\n\r\na,"x\r\ny"\r\nb,"p\nq\rr"\n\nc,d\re,f';
    expect(viaTokenizer([text])).toEqual([
      [["h1", "h2"], 1],
      [["a", "x\r\ny"], 3],
      [["b", "p\nq\rr"], 5],
      [["c", "d"], 9],
      [["e", "f"], 10],
    ]);
  });

  it("drops a byte order mark and reports an unclosed quote at its row", () => {
    const t = new CsvTokenizer(() => {});
    t.write("\uFEFFa,b\n1,\"open");
    t.end();
    expect(t.error).toEqual({ line: 2, message: "a quoted field is not closed before the end of the file" });
  });
});
