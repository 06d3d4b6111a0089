import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { checkConsistency } from "@/db/queries/consistency";
import { openDemoDatabase } from "./db";

let database: Database;

beforeAll(async () => {
  database = await openDemoDatabase();
});
afterAll(() => database?.close());

const failing = async () => (await checkConsistency(database.db)).filter((f) => f.count > 0).map((f) => f.rule);

describe("db:check", () => {
  it("finds nothing wrong with the demo firm", async () => {
    expect(await failing()).toEqual([]);
  });

  it("finds a stored stage that differs from a recomputation, and changes nothing itself", async () => {
    await database.db.execute(sql`update stage_assessments set stage = case when stage = 6 then 1 else stage + 1 end
      where check_in_id = (select check_in_id from stage_assessments order by client_id, seq limit 1)`);
    expect(await failing()).toEqual(["stage history, spells or status differ from a recomputation"]);
    // The check rolled back its own recomputation: the damage is still there for a person to see.
    expect(await failing()).toEqual(["stage history, spells or status differ from a recomputation"]);
  });

  it("finds a check-in whose stored stage is missing", async () => {
    await database.db.execute(sql`delete from stage_assessments where check_in_id = (select check_in_id from stage_assessments order by client_id, seq desc limit 1)`);
    expect(await failing()).toContain("check-in without a stored stage");
  });
});
