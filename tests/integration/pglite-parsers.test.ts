import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { sql } from "drizzle-orm";
import { installTextParsers, TEXT_TYPES, withoutInstalledParsers, type Parser, type ParsingClient } from "@/db/pglite-parsers";

// PGlite only: the `pg` driver has no per-query parser tables.
const onPglite = !process.env.TEST_DATABASE_URL;

type Options = { parsers?: Record<number, Parser> } | undefined;
type Lean = ParsingClient;

/** Every type the installed parsers cover, and a few they do not, in one row. */
const EVERY_KIND = sql`select '2026-03-04'::date as d, '2026-03-04 05:06:07.89'::timestamp as ts,
  '2026-03-04 05:06:07+06'::timestamptz as tz, interval '3 days 04:05' as iv,
  array['2026-03-04'::date, null] as ds, array['2026-03-04 05:06:07'::timestamp] as tss,
  array['2026-03-04 05:06:07+00'::timestamptz] as tzs, array[interval '1 day'] as ivs,
  array[1.50::numeric, 2] as ns, 42::int as n, 7.25::numeric as num, array[1, 2]::int[] as ints,
  '{"a": [1, "x"]}'::jsonb as j, true as b, null::date as nd`;

describe.runIf(onPglite)("PGlite's parsers are installed once, not merged per query (db/pglite-parsers.ts)", () => {
  let plain: PGlite;
  let lean: PGlite;
  /** The options each query reached PGlite with, under the installed parsers. */
  const seen: Options[] = [];
  beforeAll(async () => {
    const template = inject("pgliteTemplate");
    const open = async () => new PGlite(template ? { loadDataDir: new Blob([await readFile(template)]) } : {});
    [plain, lean] = await Promise.all([open(), open()]);
    await Promise.all([plain.waitReady, lean.waitReady]);
    // Record what PGlite itself receives, in and out of transactions, beneath the installed parsers.
    const c = lean as unknown as Lean;
    const query = c.query.bind(c);
    c.query = (text, params, options) => (seen.push(options), query(text, params, options));
    const transaction = c.transaction.bind(c);
    c.transaction = (fn) =>
      transaction((tx) => {
        const spy = Object.create(tx);
        spy.query = (text: string, params?: unknown[], options?: Options) => (seen.push(options), tx.query(text, params, options));
        return fn(spy);
      });
    installTextParsers(c);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), lean?.close()]);
  });

  it("answers exactly as drizzle with its own parsers does, in and out of a transaction", async () => {
    const a = drizzle({ client: plain });
    const b = drizzle({ client: lean });
    const before = await a.execute(EVERY_KIND);
    seen.length = 0;
    const after = await b.execute(EVERY_KIND);
    expect(after.rows).toEqual(before.rows);
    // Dates and timestamps stay text, as through pg; the rest is parsed as PGlite parses it.
    expect(after.rows[0]).toMatchObject({ d: "2026-03-04", ts: "2026-03-04 05:06:07.89", ds: "{2026-03-04,NULL}", n: 42, ints: [1, 2], j: { a: [1, "x"] }, b: true, nd: null });
    const inTx = await b.transaction((tx) => tx.execute(EVERY_KIND));
    expect(inTx.rows).toEqual(before.rows);
    // Both queries reached PGlite without parsers of their own: drizzle's set is the installed one.
    expect(seen).toHaveLength(2);
    for (const options of seen) expect(options?.parsers).toBeUndefined();
  });

  it("keeps a query's parsers when any of them is not the installed one", () => {
    const client = lean as unknown as Lean;
    const keep = (v: string) => v;
    const same = Object.fromEntries(TEXT_TYPES.map((id) => [id, keep]));
    expect(withoutInstalledParsers(client, { parsers: same, rowMode: "array" })).toEqual({ rowMode: "array" });
    // A parser that changes its text.
    const dates = { parsers: { ...same, 1082: (v: string) => new Date(v) }, rowMode: "array" };
    expect(withoutInstalledParsers(client, dates)).toBe(dates);
    // A type the client has no installed parser for.
    const ints = { parsers: { ...same, 23: keep } };
    expect(withoutInstalledParsers(client, ints)).toBe(ints);
    expect(withoutInstalledParsers(client, undefined)).toBeUndefined();
  });

  it("keeps them too once the client's own parser for a type has changed", async () => {
    const client = lean as unknown as Lean;
    const installed = client.parsers[1082]!;
    try {
      client.parsers[1082] = (v) => `day ${v}`;
      const options = { parsers: Object.fromEntries(TEXT_TYPES.map((id) => [id, (v: string) => v])) };
      expect(withoutInstalledParsers(client, options)).toBe(options);
      const rows = (await drizzle({ client: lean }).execute(sql`select '2026-03-04'::date as d`)).rows;
      expect(rows).toEqual([{ d: "2026-03-04" }]);
    } finally {
      client.parsers[1082] = installed;
    }
  });
});
