// The streaming readers (csv-parse's stream API) must read a file exactly as parseCsv (csv-parse's
// sync API) does, whatever the chunking: the same records, and the same errors with the same lines.
import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import fc from "fast-check";
import { formatErrorMessage, parseCsv, readCsvStream, streamCsvRecords, type CheckInRecord, type FormatError } from "./index";

const NOW = new Date("2026-06-15T12:00:00Z");
const HEADER = "client,date,posts_last_30d,rhythm,replies,results,notes";

type Outcome = { records: CheckInRecord[]; lines: number[]; errors: FormatError[] };

async function viaStream(chunks: (string | Buffer)[]): Promise<Outcome> {
  const out: Outcome = { records: [], lines: [], errors: [] };
  for await (const item of streamCsvRecords(Readable.from(chunks), NOW)) {
    if (item.ok) {
      out.records.push(item.record);
      out.lines.push(item.line);
    } else out.errors.push(item.error);
  }
  return out;
}

async function viaReadCsvStream(chunks: (string | Buffer)[]): Promise<Outcome> {
  const out: Outcome = { records: [], lines: [], errors: [] };
  out.errors = await readCsvStream(Readable.from(chunks), (r, line) => (out.records.push(r), out.lines.push(line)), NOW);
  return out;
}

/** Cut the UTF-8 bytes of `text` at the given points (possibly inside a character). */
function byteChunks(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

// Rows made of valid and invalid values, quoting, line breaks (CRLF, LF, CR) inside and between
// records, blank lines, wrong cell counts and malformed quotes.
const value = fc.constantFrom("A", "b c", "2026-01-02", "2027-01-01", "3", "-1", "none", "some", "weekly", "", " ", "é😀");
const quoted = fc.constantFrom('"x\ny"', '"a\r\nb"', '"p\rq"', '"say ""hi"""', '","', '""', '"open', 'a"b', '"c"d');
const cell = fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: quoted });
const eol = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\n\r\n");
const row = fc.tuple(fc.array(cell, { minLength: 1, maxLength: 8 }), eol).map(([cells, end]) => cells.join(",") + end);
const row7 = fc.tuple(value, value, value, value, value, value, cell, eol).map(([a, b, c, d, e, f, g, end]) => [a, b, c, d, e, f, g].join(",") + end);
const file = fc.tuple(fc.constantFrom("", "\uFEFF", "\n"), fc.array(fc.oneof({ weight: 3, arbitrary: row7 }, { weight: 1, arbitrary: row }), { maxLength: 8 }), fc.boolean())
  .map(([lead, rows, newlineAtEnd]) => {
    const text = lead + HEADER + "\n" + rows.join("");
    return newlineAtEnd ? text : text.replace(/(\r\n|\n|\r)+$/, "");
  });

describe("streaming CSV readers", () => {
  it("give the same records and errors as parseCsv, in any chunking (bytes cut anywhere)", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 5 }), async (text, cuts) => {
        const expected = parseCsv(text, NOW);
        for (const got of [await viaStream(byteChunks(text, cuts)), await viaReadCsvStream(byteChunks(text, cuts))]) {
          if (expected.ok) {
            expect(got.errors).toEqual([]);
            expect(got.records).toEqual(expected.records);
          } else expect(got.errors).toEqual(expected.errors);
        }
      }),
      { seed: 77, numRuns: 1500 },
    );
  });

  it("give the line where each record starts, counting CRLF inside quotes once", async () => {
    const good = (client: string, notes: string) => `${client},2026-01-02,1,none,none,none,${notes}`;
    const text = `${HEADER}\r\n\r\n${good("a", '"x\r\ny"')}\r\n${good("b", '"p\nq\rr"')}\n\n${good("c", "d")}\r${good("e", "f")}`;
    const got = await viaStream([text]);
    expect(got.errors).toEqual([]);
    expect(got.records.map((r) => r.client)).toEqual(["a", "b", "c", "e"]);
    expect(got.lines).toEqual([3, 5, 9, 10]);
    const bad = text.replaceAll("2026-01-02", "2026-13-01");
    expect((await viaStream([bad])).errors.map((e) => e.line)).toEqual([3, 5, 9, 10]);
    expect(parseCsv(bad, NOW)).toEqual({ ok: false, errors: (await viaStream([bad])).errors });
  });

  it("drop a byte order mark and report malformed quoting as parseCsv does", async () => {
    const text = `\uFEFF${HEADER}\na,2026-01-02,1,none,none,none,"open`;
    const got = await viaStream([text.slice(0, 10), text.slice(10)]);
    expect(got.errors.map(formatErrorMessage)).toEqual([expect.stringMatching(/^line 2: malformed CSV: Quote Not Closed/)]);
    expect(parseCsv(text, NOW)).toEqual({ ok: false, errors: got.errors });
  });

  it("stop reading at malformed input", async () => {
    const source = Readable.from([`${HEADER}\na,2026-01-02,1,none,none,none,x"y\n`, "b,2026-01-02,1,none,none,none,\n", "c,2026-13-01,1,none,none,none,\n"]);
    const errors = await readCsvStream(source, () => {}, NOW);
    expect(errors.map(formatErrorMessage)).toEqual([expect.stringMatching(/^line 2: malformed CSV: Invalid Opening Quote/)]);
    expect(source.destroyed).toBe(true);
  });
});
