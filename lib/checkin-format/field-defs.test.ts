// The one definition of the check-in fields, and the converter's bounds taken from it.
import { describe, expect, it } from "vitest";
import {
  CHECKIN_FIELDS, COLUMNS, ENGINE_KEYS, FIELD_BY_COLUMN, FIELD_KEYS, INT32_MAX, REQUIRED_COLUMNS, fieldHelpKey, fieldLabelKey,
  fieldsFromJson, parseCsv, parseJson,
} from "./index";
import { checkInFieldsSchema } from "./fields";

const NOW = new Date("2026-11-30T12:00:00Z");
const BASE = { date: "2026-10-01", posts_last_30d: 5, rhythm: "scheduled", replies: "some", results: "some" };
const HEADER = "client,date,posts_last_30d,rhythm,replies,results,followers";

describe("the field definitions", () => {
  it("give the format's columns in order, its required columns and the engine's keys", () => {
    expect(COLUMNS).toEqual([
      "client", "date", "consultant", "accounts", "accounts_since", "posts_last_30d", "rhythm", "automated_share", "replies", "promotion",
      "results", "tools", "mention_response_hours", "advocacy", "attitude", "followers", "notes",
    ]);
    expect(REQUIRED_COLUMNS).toEqual(["client", "date", "posts_last_30d", "rhythm", "replies", "results"]);
    expect(FIELD_KEYS).toHaveLength(16);
    expect(ENGINE_KEYS).not.toContain("consultant");
    expect(ENGINE_KEYS).not.toContain("notes");
    expect(ENGINE_KEYS).toHaveLength(14);
  });

  it("bound every number by its database column", () => {
    expect(FIELD_BY_COLUMN.followers).toMatchObject({ type: "int", min: 0, max: INT32_MAX });
    expect(FIELD_BY_COLUMN.posts_last_30d).toMatchObject({ type: "int", min: 0, max: 10_000 });
    expect(FIELD_BY_COLUMN.automated_share).toMatchObject({ type: "number", min: 0, max: 1, default: 0 });
    expect(FIELD_BY_COLUMN.mention_response_hours).toMatchObject({ type: "number", min: 0, max: 720 });
    expect(FIELD_BY_COLUMN.notes).toMatchObject({ type: "text", maxChars: 5000 });
    expect(INT32_MAX).toBe(2 ** 31 - 1);
  });

  it("name each field's label and help by message key", () => {
    for (const d of CHECKIN_FIELDS) {
      expect(fieldLabelKey(d)).toBe(`checkin.fields.${d.column}.label`);
      expect(fieldHelpKey(d)).toBe(`checkin.fields.${d.column}.help`);
    }
  });
});

describe("followers: a whole number from 0 to 2,147,483,647 (the integer column)", () => {
  const tooMany = `expected a whole number from 0 to ${INT32_MAX}`;

  it("CSV: 3,000,000,000 and 2,147,483,648 are field errors; 2,147,483,647 converts", () => {
    const r = parseCsv(`${HEADER}\nShop,2026-10-01,5,scheduled,some,some,3000000000\nShop,2026-10-01,5,scheduled,some,some,2147483648\nShop,2026-10-01,5,scheduled,some,some,2147483647\n`, NOW);
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 2, column: "followers", message: `${tooMany}, got "3000000000"` },
        { line: 3, column: "followers", message: `${tooMany}, got "2147483648"` },
      ],
    });
    const ok = parseCsv(`${HEADER}\nShop,2026-10-01,5,scheduled,some,some,2147483647\n`, NOW);
    expect(ok.ok && ok.records[0]!.followers).toBe(INT32_MAX);
  });

  it("JSON and the zod schema: numbers and numeric strings alike", () => {
    expect(parseJson(JSON.stringify([{ client: "Shop", ...BASE, followers: 3e9 }]), NOW)).toEqual({
      ok: false, errors: [{ index: 0, column: "followers", message: `${tooMany}, got 3000000000` }],
    });
    expect(fieldsFromJson({ ...BASE, followers: "3000000000" }, NOW)).toEqual({
      ok: false, errors: [{ column: "followers", message: `${tooMany}, got "3000000000"` }],
    });
    const z = checkInFieldsSchema.safeParse({ ...BASE, followers: 3_000_000_000 });
    expect(z.success).toBe(false);
    expect(z.error?.issues.map((i) => [i.path, i.message])).toEqual([[["followers"], `${tooMany}, got 3000000000`]]);
    expect(fieldsFromJson({ ...BASE, followers: "2147483647" }, NOW)).toMatchObject({ ok: true, value: { followers: INT32_MAX } });
  });
});

describe("text that cannot be stored", () => {
  const today = new Date("2026-06-30T00:00:00Z");
  it("a NUL byte in a CSV client name or notes is an error at that line and column", () => {
    for (const column of ["client", "notes"] as const) {
      const r = parseCsv(`client,date,posts_last_30d,rhythm,replies,results,notes\n${column === "client" ? "Rosa\u0000s" : "A"},2026-01-02,1,none,none,none,${column === "notes" ? "a\u0000b" : ""}\n`, today);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ line: 2, column, message: expect.stringContaining("NUL") })]);
    }
  });
  it("a lone surrogate (\\ud800 in JSON) is an error at that index and column", () => {
    const r = parseJson('[{"client":"A","date":"2026-01-02","posts_last_30d":1,"rhythm":"none","replies":"none","results":"none","notes":"x\\ud800y"}]', today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ index: 0, column: "notes", message: expect.stringContaining("surrogate") })]);
  });
  it("emoji and Bengali (surrogate pairs and combining marks) are fine", () => {
    const r = parseCsv(`client,date,posts_last_30d,rhythm,replies,results,notes\nরোজার বেকারি 🙂,2026-01-02,1,none,none,none,ভালো 🎉\n`, today);
    expect(r.ok).toBe(true);
  });
});
