import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { shareEventLoop } from "@/db/pglite-turns";

// PGlite only: PostgreSQL's queries wait on a socket, which gives the event loop its turns anyway.
const onPglite = !process.env.TEST_DATABASE_URL;

/**
 * Starts `n` queries at once, and one setImmediate callback right after them: how many queries
 * had finished when the event loop got its turn.
 */
async function doneWhenTheLoopTurns(client: PGlite, n: number): Promise<number> {
  let done = 0;
  let atTurn = -1;
  const queries = Array.from({ length: n }, () => client.query("select count(*) from pg_class").then(() => done++));
  setImmediate(() => (atTurn = done));
  await Promise.all(queries);
  // Let the callback run if it has not yet.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return atTurn;
}

describe.runIf(onPglite)("PGlite shares the event loop under load (db/pglite-turns.ts)", () => {
  let plain: PGlite;
  let shared: PGlite;
  beforeAll(async () => {
    const template = inject("pgliteTemplate");
    const open = async () => new PGlite(template ? { loadDataDir: new Blob([await readFile(template)]) } : {});
    [plain, shared] = await Promise.all([open(), open()]);
    await Promise.all([plain.waitReady, shared.waitReady]);
    shareEventLoop(shared, 2);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), shared?.close()]);
  });

  it("without it, a queue of queries runs to its end before the event loop's next turn", async () => {
    // The failure the wrapper exists for: nothing else (a new connection, a request's body) runs meanwhile.
    expect(await doneWhenTheLoopTurns(plain, 400)).toBe(400);
  });

  it("with it, the event loop gets a turn every slice, long before the queue ends", async () => {
    const atTurn = await doneWhenTheLoopTurns(shared, 400);
    expect(atTurn).toBeGreaterThanOrEqual(0);
    expect(atTurn).toBeLessThan(200);
  });

  it("still answers every query, in order", async () => {
    const out = await Promise.all(Array.from({ length: 50 }, (_, i) => shared.query<{ n: number }>(`select ${i}::int as n`)));
    expect(out.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
