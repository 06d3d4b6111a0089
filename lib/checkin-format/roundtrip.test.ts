// serialize(parse(x)) keeps every value, for arbitrary valid records (fast-check, fixed seed).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { unstorableText } from "../validation/primitives";
import {
  ADVOCACY, ATTITUDES, INT32_MAX, PLATFORMS, PROMOTIONS, REPLIES, RESULTS, RHYTHMS, TOOLS,
  formatErrorMessage, parseCsv, parseJson, serializeCsv, serializeJson, type CheckInRecord,
} from "./index";
import { dayNumber, isoFromDay } from "../stages/dates";

const NOW = new Date("2026-06-15T00:00:00Z");
const FC = { seed: 4180, numRuns: 200 };
const noNegZero = (x: number) => (x === 0 ? 0 : x);
const date = fc.integer({ min: dayNumber("1000-01-01"), max: dayNumber("2026-06-15") }).map(isoFromDay);
// Any text the database can hold: NUL and lone surrogates are refused on input (unstorableText).
const text = (max: number) =>
  fc.oneof(fc.string({ unit: "binary", maxLength: max }), fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", " ", ";", "é", "😀", "\r\n"), maxLength: 40 })).filter((s) => unstorableText(s) === null);

const recordArb: fc.Arbitrary<CheckInRecord> = fc.record({
  client: text(200).filter((s) => s.trim() !== "" && [...s].length <= 200),
  date,
  consultant: fc.option(fc.emailAddress().filter((e) => e.length <= 320)),
  accounts: fc.subarray([...PLATFORMS]),
  accountsSince: fc.option(date),
  postsLast30d: fc.integer({ min: 0, max: 10000 }),
  rhythm: fc.constantFrom(...RHYTHMS),
  automatedShare: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
  replies: fc.constantFrom(...REPLIES),
  promotion: fc.constantFrom(...PROMOTIONS),
  results: fc.constantFrom(...RESULTS),
  tools: fc.subarray([...TOOLS]),
  mentionResponseHours: fc.option(fc.double({ min: 0, max: 720, noNaN: true }).map(noNegZero)),
  advocacy: fc.constantFrom(...ADVOCACY),
  attitude: fc.option(fc.constantFrom(...ATTITUDES)),
  followers: fc.option(fc.integer({ min: 0, max: INT32_MAX })),
  notes: fc.option(text(300).filter((s) => s !== "")),
});

function expectOk(r: ReturnType<typeof parseCsv>): CheckInRecord[] {
  if (!r.ok) throw new Error(r.errors.map(formatErrorMessage).join("\n"));
  return r.records;
}

describe("round trip", () => {
  it("CSV: parseCsv(serializeCsv(records)) gives the records back, and serializing again gives the same text", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 8 }), (records) => {
        const text = serializeCsv(records);
        const back = expectOk(parseCsv(text, NOW));
        expect(back).toEqual(records);
        expect(serializeCsv(back)).toBe(text);
      }),
      FC,
    );
  });

  it("JSON: parseJson(serializeJson(records)) gives the records back, and serializing again gives the same text", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 8 }), (records) => {
        const text = serializeJson(records);
        const back = expectOk(parseJson(text, NOW));
        expect(back).toEqual(records);
        expect(serializeJson(back)).toBe(text);
      }),
      FC,
    );
  });

  it("CSV to JSON and back keeps every value", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 5 }), (records) => {
        const viaJson = expectOk(parseJson(serializeJson(expectOk(parseCsv(serializeCsv(records), NOW))), NOW));
        expect(viaJson).toEqual(records);
      }),
      FC,
    );
  });

  it("numbers the lines of a CRLF file with quoted line breaks", () => {
    const header = "client,date,posts_last_30d,rhythm,replies,results,notes";
    const text = [header, 'A,2026-01-01,1,none,none,none,"one\r\ntwo\r\nthree"', "B,2026-01-01,1,none,bad,none,", ""].join("\r\n");
    const r = parseCsv(text, NOW);
    expect(r.ok ? [] : r.errors.map(formatErrorMessage)).toEqual(['line 5, column replies: expected none, some or consistent, got "bad"']);
  });
});
