import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { seedDemo } from "@/db/seed";
import { AUDIT_MAX_PAGE, listAudit } from "@/db/queries/audit";
import { createTestDatabase } from "./db";
import { actorOf } from "./api/helpers";

// Odd input answers with a bounded result, never a 500 (security review, finding 10).
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { today: "2026-06-30" });
});
afterAll(() => database?.close());

describe("audit log page numbers", () => {
  it("a page number of 99999999999999999999 gives an empty last page, not an OFFSET overflow", async () => {
    const manager = await actorOf(database, "manager@example.com");
    const page = Number.parseInt("99999999999999999999", 10);
    const r = await listAudit(database.db, manager, { page });
    expect(r).toEqual({ rows: [], page: AUDIT_MAX_PAGE, hasMore: false });
    for (const odd of [Number.NaN, Number.POSITIVE_INFINITY, -5, 0]) {
      expect((await listAudit(database.db, manager, { page: odd }))!.page).toBe(1);
    }
  });
});
