// The streamed JSON reader against parseJson on the whole text: same records, same errors, same
// messages (V8's own for broken JSON, positions included), however the text is cut into chunks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "../checkin-format";
import { JsonRecordReader } from "./json-records";

const NOW = "2026-06-30";

function streamed(text: string, cuts: number[]) {
  const reader = new JsonRecordReader(NOW);
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    reader.write(text.slice(at, c));
    at = c;
  }
  reader.write(text.slice(at));
  return reader.finish();
}

const agree = (text: string, cuts: number[] = []) => expect(streamed(text, cuts)).toEqual(parseJson(text, NOW));

const RECORD = { client: "Rosa's Bakery", date: "2026-01-10", posts_last_30d: 3, rhythm: "sporadic", replies: "none", results: "none", accounts: ["facebook", "x"], notes: 'says "hi", \\ and ]' };
const record = (i: number, over: Record<string, unknown> = {}) => ({ ...RECORD, client: `Client ${i % 7}`, posts_last_30d: i % 50, ...over });

/** A file of `n` records, `indent`ed like JSON.stringify would, optionally with a bad record or two. */
function file(n: number, opts: { indent?: number; bad?: number[] } = {}): string {
  const items = Array.from({ length: n }, (_, i) => record(i, opts.bad?.includes(i) ? { rhythm: "weekly" } : {}));
  return JSON.stringify(items, null, opts.indent);
}

describe("JsonRecordReader", () => {
  it("reads fixed cases as parseJson does, whole and cut at every position", () => {
    const cases = [
      "", "   ", "\n\t ", "\u00a0", "\uFEFF[]", "[]", "[ ]", "[\n]\n", "{}", '{"a":1}', '"text"', "42", "null",
      "[", "[{", "[1,2,x]", "[1,]", "[,1]", "[1 2]", "[1]]", "[1] x", "[1]\n\n  x", "[{]", "[{}}", "[1}", '["a', '["a\\"]', '["\\q"]', "[-]",
      '[{"a":1} {"b":2}]', "[" + '{"client":"abc"},'.repeat(5) + "nope]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]",
      JSON.stringify([RECORD]), JSON.stringify([RECORD, { ...RECORD, rhythm: "weekly" }, 3, null, "x"]), "[" + JSON.stringify(RECORD) + ",]",
      "  \n [" + JSON.stringify(RECORD) + "\n,\n" + JSON.stringify(RECORD) + "\n]\n  ",
    ];
    for (const text of cases) {
      agree(text);
      for (let c = 0; c <= text.length; c++) agree(text, [c]);
    }
  });

  it("holds only a little text: long files with the first error far in still give V8's message, position and context", () => {
    const big = file(400, { indent: 2 });
    expect(big.length).toBeGreaterThan(3 * 16 * 1024);
    const breaks = [
      (t: string) => t.slice(0, -2) + "x]",
      (t: string) => t.slice(0, t.length - 40) + "," + t.slice(t.length - 40),
      (t: string) => t + " x",
      (t: string) => t + "\n".repeat(20_000) + "\tx",
      (t: string) => t.slice(0, t.length - 200),
      (t: string) => t.replace(/"notes"/g, (m, at: number) => (at > t.length * 0.8 && at < t.length * 0.81 ? '"notes" "' : m)),
      (t: string) => " ".repeat(40_000) + "\n\n" + t.slice(0, 1000) + "}" + t.slice(1000),
      (t: string) => "\n".repeat(30_000) + "x" + t,
      (t: string) => t.slice(0, 30_000) + "[".repeat(70) + t.slice(30_000),
    ];
    for (const br of breaks) {
      const text = br(big);
      agree(text);
      agree(text, [1, 7, 8191, 16_385, 40_001, text.length - 3]);
    }
    agree(file(300, { bad: [3, 299] }), [100, 5000]);
    agree(file(300, { indent: 4, bad: [0] }));
  });

  it("agrees with parseJson on arbitrary JSON and on files with random damage, cut anywhere", () => {
    const text = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.array(fc.jsonValue({ maxDepth: 3 })).map((v) => JSON.stringify(v, null, 1)),
      fc.record({ n: fc.integer({ min: 0, max: 40 }), indent: fc.constantFrom(0, 2), bad: fc.array(fc.nat(40), { maxLength: 3 }) }).map(({ n, indent, bad }) => file(n, { indent, bad })),
    );
    fc.assert(
      fc.property(damage(text), fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        agree(t, cuts.map((c) => c % (t.length + 1)));
      }),
      { numRuns: Number(process.env.JSON_STREAM_RUNS ?? 1000) },
    );
  }, 60_000);

  it("agrees on long files (text is dropped as it goes) with random damage anywhere", () => {
    const long = fc.record({ n: fc.integer({ min: 60, max: 300 }), indent: fc.constantFrom(0, 2, 8), bad: fc.array(fc.nat(300), { maxLength: 2 }) }).map(({ n, indent, bad }) => file(n, { indent, bad }));
    fc.assert(
      fc.property(damage(long), fc.array(fc.nat(), { maxLength: 8 }), (t, cuts) => {
        agree(t, cuts.map((c) => c % (t.length + 1)));
      }),
      { numRuns: Number(process.env.JSON_STREAM_RUNS ?? 1000) / 5 },
    );
  }, 60_000);
});

/** Up to three one-character edits (delete, or insert something structural) at random places. */
function damage(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "x", ",", "]", "[", "}", "{", '"', "\\", " ", "\n", "1", ":")), { maxLength: 3 }))
    .map(([t, edits]) => {
      let out = t;
      for (const [at, s] of edits) {
        const i = out.length === 0 ? 0 : at % (out.length + 1);
        out = s === "" ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + s + out.slice(i);
      }
      return out;
    });
}
