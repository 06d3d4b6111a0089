import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { queryRows, type Database, type Tx } from "@/db";
import { checkIns } from "@/db/schema";
import { updateCheckIn } from "@/db/queries/checkins";
import { getCheckInWithStage } from "@/db/queries/checkin-assessments";
import { checkConsistency } from "@/db/queries/consistency";
import { recomputeStagesMany } from "@/db/queries/stage-history";
import { syntheticHistory } from "@/lib/stages/synthetic";
import type { Actor } from "@/lib/auth/permissions";
import { createTestDatabase } from "./db";
import { makeFirmWithConsultant } from "./factory";

// A history longer than one call of write_stage_history stores (5,000 rows of each table, migration
// 0013): the rows go in more than one call, the first deletes the old tail, the last rewrites the
// status row, and the result is what a full recomputation gives.

const LENGTH = 5_200;

let database: Database;
let consultant: Actor;
let clientId: string;

const day = (i: number) => new Date(Date.UTC(2008, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  const made = await makeFirmWithConsultant(database.db);
  consultant = made.consultant;
  clientId = made.client.id;
  // One check-in a day for fourteen years, written directly: the engine has not seen them yet.
  const history = syntheticHistory(77, LENGTH);
  for (let i = 0; i < LENGTH; i += 500) {
    await database.db.insert(checkIns).values(
      history.slice(i, i + 500).map((h, k) => ({ ...h, date: day(i + k), consultant: null, notes: null, clientId, authorId: consultant.id })),
    );
  }
}, 120_000);
afterAll(() => database?.close());

const stored = async () =>
  (await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from stage_assessments where client_id = ${clientId}`))[0]!.n;

/**
 * The status row against the stored history itself (checkConsistency recomputes with the same
 * writer, so it would not see a status rewritten before the last call): the count, the last
 * check-in, and the stage of the last assessment.
 */
async function expectStatusOfWholeHistory() {
  const [s] = await queryRows<{ n: number | string; last: string; stage: number | string; latest: number | string; latest_date: string }>(database.db, sql`
    select cs.check_in_count as n, cs.last_check_in::text as last, cs.stage,
           (select a.stage from stage_assessments a where a.client_id = cs.client_id order by a.seq desc limit 1) as latest,
           (select max(c.date)::text from check_ins c where c.client_id = cs.client_id) as latest_date
    from client_status cs where cs.client_id = ${clientId}`);
  expect([Number(s!.n), s!.last, Number(s!.stage)]).toEqual([LENGTH, s!.latest_date, Number(s!.latest)]);
}

describe(`a history of ${LENGTH} check-ins`, () => {
  it("is stored whole, in more than one call, as a full recomputation gives it", async () => {
    await database.db.transaction((tx) => recomputeStagesMany(tx as unknown as Tx, [clientId]));
    expect(Number(await stored())).toBe(LENGTH);
    await expectStatusOfWholeHistory();
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
  }, 120_000);

  it("rewritten from its first check-in, answers the edited check-in's assessment from the last call", async () => {
    const [first] = await database.db.select().from(checkIns).where(eq(checkIns.clientId, clientId)).orderBy(asc(checkIns.date)).limit(1);
    // Moved to the end: the history is rewritten from its first day, and the edited check-in is
    // now the last assessment, past the first call's 5,000 rows.
    const moved = await updateCheckIn(database.db, consultant, first!.id, first!.version, {
      ...syntheticHistory(78, 1)[0]!, date: day(LENGTH + 10), consultant: null, notes: null,
    });
    expect(moved?.assessment?.seq).toBe(LENGTH - 1);
    const read = await getCheckInWithStage(database.db, consultant, first!.id);
    expect(moved!.assessment).toEqual({ stage: read!.stage, confidence: read!.confidence, reasons: read!.reasons, missing: read!.missing, seq: read!.seq });
    expect(moved!.stageAfter).toBe(moved!.assessment!.stage);
    expect(Number(await stored())).toBe(LENGTH);
    await expectStatusOfWholeHistory();
    expect((await checkConsistency(database.db)).filter((f) => f.count > 0)).toEqual([]);
  }, 120_000);
});
