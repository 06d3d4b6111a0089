// Validation of the interchange format: exact lines, indexes, columns and messages.
import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import {
  checkInFieldsSchema, checkInRecordSchema, checkInSchemasAt, fieldsFromJson, fieldsFromStrings, formatErrorMessage,
  parseCsv, parseJson, readCsvStream, serializeCsv, serializeJson, streamCsvRecords, type CheckInRecord, type FormatError,
} from "./index";

const NOW = new Date("2026-06-15T12:00:00Z");
const HEADER = "client,date,accounts,posts_last_30d,rhythm,automated_share,replies,promotion,results,tools,advocacy,attitude,notes";
const ROSA = `Rosa's Bakery,2026-01-10,,0,none,0,none,none,none,,none,dismissive,"Says customers come in, why tweet"`;
const csv = (...lines: string[]) => lines.join("\n") + "\n";
const messages = (errors: FormatError[]) => errors.map(formatErrorMessage);

function errorsOf(text: string, kind: "csv" | "json" = "csv"): string[] {
  const r = kind === "csv" ? parseCsv(text, NOW) : parseJson(text, NOW);
  if (r.ok) throw new Error("expected the file to be rejected");
  return messages(r.errors);
}

describe("parseCsv", () => {
  it("reads the example from the format", () => {
    const r = parseCsv(csv(HEADER, ROSA, "Rosa's Bakery,2026-03-02,facebook;x;blog,3,sporadic,0.7,none,none,none,,none,hopeful,Blog synced to Facebook"), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toEqual({
      client: "Rosa's Bakery", date: "2026-01-10", consultant: null, accounts: [], accountsSince: null, postsLast30d: 0,
      rhythm: "none", automatedShare: 0, replies: "none", promotion: "none", results: "none", tools: [],
      mentionResponseHours: null, advocacy: "none", attitude: "dismissive", followers: null, notes: "Says customers come in, why tweet",
    });
    expect(r.records[1]!.accounts).toEqual(["facebook", "x", "blog"]);
    expect(r.records[1]!.automatedShare).toBe(0.7);
  });

  it("names the line, column and expectation of a bad enum value", () => {
    const text = csv(HEADER, ROSA, ROSA, ROSA, ROSA, ROSA, "Rosa's Bakery,2026-01-10,,0,weekly,0,none,none,none,,none,,");
    expect(errorsOf(text)).toEqual(['line 7, column rhythm: expected none, sporadic or scheduled, got "weekly"']);
  });

  it("counts lines through quoted newlines and skipped blank lines", () => {
    const text = csv(HEADER, `A,2026-01-01,,1,sporadic,0,none,none,none,,none,,"first line`, `second line, with a comma`, `third ""quoted"" line"`, "", "B,2026-01-02,,1,sporadic,0,never,none,none,,none,,");
    expect(errorsOf(text)).toEqual(['line 6, column replies: expected none, some or consistent, got "never"']);
    const startsOnQuotedLine = csv(HEADER, `A,2026-01-01,,1,sporadic,0,none,none,none,,none,,"x\ny"`, `B,2026-01-02,,1,sporadic,0,none,none,none,,none,,"a\r\nb"`, "C,2026-13-01,,1,sporadic,0,none,none,none,,none,,");
    expect(errorsOf(startsOnQuotedLine)).toEqual(['line 6, column date: expected a date YYYY-MM-DD, got "2026-13-01"']);
  });

  it("gives one message per bad field of every bad record", () => {
    const text = csv(
      HEADER,
      "A,2026-02-30,facebook;myspace,-3,sporadic,1.5,none,none,none,hammer,none,grumpy,",
      ROSA,
      ",2027-01-01,,3,sporadic,0,none,loud,none,,none,,",
    );
    expect(errorsOf(text)).toEqual([
      'line 2, column date: expected a date YYYY-MM-DD, got "2026-02-30"',
      'line 2, column accounts: unknown platform "myspace": expected facebook, x, instagram, linkedin, tiktok, youtube, pinterest, blog or other',
      'line 2, column posts_last_30d: expected a whole number from 0 to 10000, got "-3"',
      'line 2, column automated_share: expected a number from 0 to 1, got "1.5"',
      'line 2, column tools: unknown tool "hammer": expected scheduling, analytics, monitoring, influence or crm',
      'line 2, column attitude: expected dismissive, hesitant, hopeful, frustrated, comfortable, enthusiastic or evangelist, got "grumpy"',
      "line 4, column client: required: the client's name",
      "line 4, column date: date 2027-01-01 is in the future (today is 2026-06-15)",
      'line 4, column promotion: expected none, light or active, got "loud"',
    ]);
  });

  it("rejects numbers that are not plain numbers", () => {
    const row = (posts: string, share: string) => `A,2026-01-01,,${posts},sporadic,${share},none,none,none,,none,,`;
    expect(errorsOf(csv(HEADER, row("2.5", "0"), row("0x10", "abc"), row("3", "Infinity")))).toEqual([
      'line 2, column posts_last_30d: expected a whole number from 0 to 10000, got "2.5"',
      'line 3, column posts_last_30d: expected a whole number from 0 to 10000, got "0x10"',
      'line 3, column automated_share: expected a number from 0 to 1, got "abc"',
      'line 4, column automated_share: expected a number from 0 to 1, got "Infinity"',
    ]);
  });

  it("requires the required values", () => {
    expect(errorsOf(csv(HEADER, "A,,,,,,,,,,,,"))).toEqual([
      "line 2, column date: required: expected a date YYYY-MM-DD",
      "line 2, column posts_last_30d: required: expected a whole number from 0 to 10000",
      "line 2, column rhythm: required: expected none, sporadic or scheduled",
      "line 2, column replies: required: expected none, some or consistent",
      "line 2, column results: required: expected none, some or clear",
    ]);
  });

  it("accepts values and column names in any case, with spaces around them, columns in any order", () => {
    const r = parseCsv(csv("Results, RHYTHM ,Client,Date,Posts_Last_30d,Replies,Accounts,Tools,Attitude", "Clear,Scheduled,A, 2026-01-01 ,8,CONSISTENT,Facebook; X,Analytics;MONITORING,Evangelist"), NOW);
    expect(r).toMatchObject({ ok: true, records: [{ results: "clear", rhythm: "scheduled", replies: "consistent", accounts: ["facebook", "x"], tools: ["analytics", "monitoring"], attitude: "evangelist", date: "2026-01-01" }] });
  });

  it("rejects unknown, duplicate and missing columns in the header", () => {
    expect(errorsOf(csv("client,date,posts_last_30d,rhythm,replies,results,colour", "A,2026-01-01,1,none,none,none,red"))).toEqual(['line 1, column colour: unknown column "colour"']);
    expect(errorsOf(csv("client,date,date,posts_last_30d,rhythm,replies,results"))).toEqual(['line 1, column date: column "date" appears twice in the header']);
    expect(errorsOf(csv("client,date,posts_last_30d,replies,results"))).toEqual(["line 1, column rhythm: missing required column"]);
  });

  it("rejects a row with the wrong number of fields", () => {
    expect(errorsOf(csv(HEADER, ROSA, "A,2026-01-01,,1"))).toEqual(["line 3: expected 13 fields as in the header, got 4"]);
  });

  it("reports malformed quoting", () => {
    expect(errorsOf(csv(HEADER, ROSA, `A,2026-01-01,,1,none,0,none,none,none,,none,,"never closed`))[0]).toMatch(/^line \d+: malformed CSV: Quote Not Closed/);
  });

  it("treats a header-only file as valid with no records", () => {
    expect(parseCsv(HEADER + "\n", NOW)).toEqual({ ok: true, records: [] });
    expect(parseCsv(HEADER, NOW)).toEqual({ ok: true, records: [] });
  });

  it("rejects an empty file", () => {
    expect(errorsOf("")).toEqual(["empty file: expected a header row"]);
    expect(errorsOf("\n\n")).toEqual(["empty file: expected a header row"]);
  });

  it("skips blank rows and a byte order mark", () => {
    const r = parseCsv("\uFEFF" + csv(HEADER, ROSA, ",,,,,,,,,,,,", ""), NOW);
    expect(r.ok && r.records.length).toBe(1);
  });

  it("accepts dates up to today and rejects tomorrow", () => {
    const row = (date: string) => `A,${date},,1,none,0,none,none,none,,none,,`;
    expect(parseCsv(csv(HEADER, row("2026-06-15")), NOW).ok).toBe(true);
    expect(errorsOf(csv(HEADER, row("2026-06-16")))).toEqual(["line 2, column date: date 2026-06-16 is in the future (today is 2026-06-15)"]);
    expect(errorsOf(csv(HEADER, row("2024-02-29"), row("2023-02-29"), row("26-01-01")))).toEqual([
      'line 3, column date: expected a date YYYY-MM-DD, got "2023-02-29"',
      'line 4, column date: expected a date YYYY-MM-DD, got "26-01-01"',
    ]);
  });
});

describe("parseJson", () => {
  const good = { client: "A", date: "2026-01-01", posts_last_30d: 3, rhythm: "Sporadic", replies: "none", results: "none" };

  it("applies defaults for missing optional keys and accepts null", () => {
    const r = parseJson(JSON.stringify([good, { ...good, accounts: null, attitude: null, automated_share: null }]), NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records[0]).toEqual(r.records[1]);
    if (r.ok) expect(r.records[0]).toMatchObject({ rhythm: "sporadic", accounts: [], automatedShare: 0, promotion: "none", advocacy: "none", attitude: null });
  });

  it("names the index and column of each bad field", () => {
    const text = JSON.stringify([good, { ...good, rhythm: "weekly", posts_last_30d: -1, colour: "red" }, { ...good, accounts: ["facebook", "myspace"], automated_share: 2 }]);
    expect(errorsOf(text, "json")).toEqual([
      'index 1, column colour: unknown column "colour"',
      "index 1, column posts_last_30d: expected a whole number from 0 to 10000, got -1",
      'index 1, column rhythm: expected none, sporadic or scheduled, got "weekly"',
      'index 2, column accounts: unknown platform "myspace": expected facebook, x, instagram, linkedin, tiktok, youtube, pinterest, blog or other',
      "index 2, column automated_share: expected a number from 0 to 1, got 2",
    ]);
  });

  it("rejects empty files, bad JSON, non-arrays and non-objects", () => {
    expect(errorsOf("", "json")).toEqual(["empty file: expected a JSON array of check-ins"]);
    expect(errorsOf("[{", "json")[0]).toMatch(/^invalid JSON: /);
    expect(errorsOf('{"client":"A"}', "json")).toEqual(["expected a JSON array of check-ins"]);
    expect(errorsOf("[1]", "json")).toEqual(["index 0: expected an object with the check-in's fields, got 1"]);
    expect(parseJson("[]", NOW)).toEqual({ ok: true, records: [] });
  });
});

describe("fieldsFromStrings, fieldsFromJson and the zod schemas", () => {
  const row = { date: "2026-01-01", posts_last_30d: "4", rhythm: "scheduled", replies: "some", results: "none", accounts: "facebook;x", attitude: "" };

  it("converts a form row of strings; empty means not given", () => {
    expect(fieldsFromStrings(row, NOW)).toEqual({
      ok: true,
      value: {
        date: "2026-01-01", consultant: null, accounts: ["facebook", "x"], accountsSince: null, postsLast30d: 4, rhythm: "scheduled",
        automatedShare: 0, replies: "some", promotion: "none", results: "none", tools: [], mentionResponseHours: null,
        advocacy: "none", attitude: null, followers: null, notes: null,
      },
    });
  });

  it("reports errors by column, including unknown keys and a client in a fields-only row", () => {
    expect(fieldsFromStrings({ ...row, rhythm: "weekly", client: "A", colour: "red" }, NOW)).toEqual({
      ok: false,
      errors: [
        { column: "client", message: 'unknown column "client"' },
        { column: "colour", message: 'unknown column "colour"' },
        { column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' },
      ],
    });
    expect(fieldsFromJson({ ...row, consultant: "not an email", mention_response_hours: 800 }, NOW)).toMatchObject({
      ok: false,
      errors: [
        { column: "consultant", message: 'expected an email address, got "not an email"' },
        { column: "mention_response_hours", message: "expected a number from 0 to 720, got 800" },
      ],
    });
  });

  it("zod schemas produce camelCase records and issues at the field", () => {
    const ok = checkInRecordSchema.safeParse({ client: "A", date: "2026-01-01", posts_last_30d: 4, rhythm: "SCHEDULED", replies: "some", results: "none", tools: ["Analytics"] });
    expect(ok.success && ok.data).toMatchObject({ client: "A", postsLast30d: 4, rhythm: "scheduled", tools: ["analytics"] });
    const bad = checkInFieldsSchema.safeParse({ date: "2026-01-01", posts_last_30d: 4, rhythm: "weekly", replies: "some", results: "none" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rhythm", 'expected none, sporadic or scheduled, got "weekly"']]);
    const future = checkInSchemasAt(NOW).fields.safeParse({ date: "2026-06-16", posts_last_30d: 4, rhythm: "none", replies: "some", results: "none" });
    expect(future.error?.issues[0]?.message).toBe("date 2026-06-16 is in the future (today is 2026-06-15)");
  });
});

describe("serialize", () => {
  const record: CheckInRecord = {
    client: 'Rosa\'s "Bakery", Ltd', date: "2026-01-10", consultant: "ana@example.com", accounts: ["facebook", "x"], accountsSince: "2025-12-01",
    postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.75, replies: "some", promotion: "light", results: "none", tools: ["scheduling"],
    mentionResponseHours: 1.5, advocacy: "none", attitude: "hopeful", followers: 120, notes: "line one\nline two, with \"quotes\"",
  };

  it("writes all columns, lower-case values, lists with ';', empty cells for not given", () => {
    const text = serializeCsv([record, { ...record, consultant: null, accounts: [], attitude: null, followers: null, notes: null }]);
    expect(text.split("\n")[0]).toBe("client,date,consultant,accounts,accounts_since,posts_last_30d,rhythm,automated_share,replies,promotion,results,tools,mention_response_hours,advocacy,attitude,followers,notes");
    expect(text).toContain(`"Rosa's ""Bakery"", Ltd",2026-01-10,,,2025-12-01,3,sporadic,0.75,some,light,none,scheduling,1.5,none,,,\n`);
    expect(parseCsv(text, NOW)).toEqual({ ok: true, records: [record, { ...record, consultant: null, accounts: [], attitude: null, followers: null, notes: null }] });
  });

  it("writes JSON with snake_case keys and null for not given, and reads it back", () => {
    const text = serializeJson([record]);
    expect(JSON.parse(text)[0]).toMatchObject({ posts_last_30d: 3, accounts_since: "2025-12-01", mention_response_hours: 1.5, attitude: "hopeful" });
    expect(parseJson(text, NOW)).toEqual({ ok: true, records: [record] });
    expect(serializeJson([])).toBe("[]\n");
  });
});

describe("streamCsvRecords", () => {
  it("yields records with their start lines and the same errors as parseCsv", async () => {
    const text = csv(HEADER, ROSA, `B,2026-01-02,,1,none,0,none,none,none,,none,,"a\nb"`, "C,2026-01-03,,1,weekly,0,none,none,none,,none,,");
    const items = [];
    for await (const item of streamCsvRecords(Readable.from([text.slice(0, 50), text.slice(50)]), NOW)) items.push(item);
    expect(items.filter((i) => i.ok).map((i) => i.ok && i.line)).toEqual([2, 3]);
    expect(items.filter((i) => !i.ok).map((i) => !i.ok && formatErrorMessage(i.error))).toEqual(['line 5, column rhythm: expected none, sporadic or scheduled, got "weekly"']);
  });

  it("decodes UTF-8 split across chunks, next to ASCII-only chunks", async () => {
    const text = Buffer.from(csv(HEADER, `Café Ü,2026-01-02,,1,none,0,none,none,none,,none,,naïve 😀 notes`, ROSA));
    const cut = text.indexOf(Buffer.from("😀")) + 2;
    const chunks = [text.subarray(0, 5), text.subarray(5, cut), text.subarray(cut, cut + 3), text.subarray(cut + 3)];
    const records: CheckInRecord[] = [];
    const errors = await readCsvStream(Readable.from(chunks), (r) => records.push(r), NOW);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.client, r.notes])).toEqual([["Café Ü", "naïve 😀 notes"], ["Rosa's Bakery", "Says customers come in, why tweet"]]);
  });

  it("reports an empty stream", async () => {
    const items = [];
    for await (const item of streamCsvRecords(Readable.from([]), NOW)) items.push(item);
    expect(items).toEqual([{ ok: false, error: { column: null, message: "empty file: expected a header row" } }]);
  });
});

describe("CSV formula injection", () => {
  const rec = (client: string, notes: string | null) => ({
    client, date: "2026-01-02", consultant: null, accounts: [], accountsSince: null, postsLast30d: 1, rhythm: "none" as const, automatedShare: 0,
    replies: "none" as const, promotion: "none" as const, results: "none" as const, tools: [], mentionResponseHours: null, advocacy: "none" as const,
    attitude: null, followers: null, notes,
  });
  it("cells starting with = + - @ tab or CR are exported with a leading ' and imported back as they were", () => {
    const texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "'=already quoted", "''+twice", "'plain quote", "safe"];
    const records = texts.map((t, i) => rec(`Client ${i} ${t}`.startsWith("C") && i % 2 ? t : `Client ${i}`, t));
    const csv = serializeCsv(records);
    for (const line of csv.split("\n").slice(1).filter(Boolean)) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)/g)!.filter((c) => c !== "")) {
        const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const back = parseCsv(csv, new Date("2026-06-30T00:00:00Z"));
    expect(back.ok && back.records.map((r) => [r.client, r.notes])).toEqual(records.map((r) => [r.client, r.notes]));
  });
});
