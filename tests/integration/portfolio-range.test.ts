import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { getPortfolio } from "@/db/queries/portfolio";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import { filtersFrom } from "@/app/(dashboard)/portfolio/filters";
import { openDemoDatabase } from "./db";
import { actorOf, call, isErrorShape, tokenFor } from "./api/helpers";

// Finding 7 of the security review: `from=1000-01-01` made the portfolio work for seconds and
// stall every other request. A period is at most ten years, on the API, the page and the query.
let database: Database;
let token: string;

beforeAll(async () => {
  database = await openDemoDatabase();
  token = await tokenFor(database, "manager@example.com");
});
afterAll(() => database?.close());

describe("portfolio period bounds", () => {
  it("answers a period over ten years with a clear 400, quickly", async () => {
    for (const from of ["1000-01-01", "2016-06-29"]) {
      const started = Date.now();
      const r = await call(database, portfolioEndpoint, { path: `/api/v1/portfolio?from=${from}&to=2026-06-30`, token });
      expect(r.status).toBe(400);
      expect(isErrorShape(r.body)).toBe(true);
      expect(r.body.error.message).toContain("10 years");
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it("answers a date that is no day of the calendar with a 400 naming the parameter (fuzzing found a 500)", async () => {
    for (const q of ["to=2026-13-45", "from=2026-02-30", "to=0000-00-00"]) {
      const r = await call(database, portfolioEndpoint, { path: `/api/v1/portfolio?${q}`, token });
      expect(r.status, q).toBe(400);
      expect(isErrorShape(r.body)).toBe(true);
      expect(JSON.stringify(r.body.error.details), q).toContain(q.split("=")[0]);
    }
  });

  it("still serves exactly ten years", async () => {
    const r = await call(database, portfolioEndpoint, { path: "/api/v1/portfolio?from=2016-06-30&to=2026-06-30", token });
    expect(r.status).toBe(200);
  });

  it("the page falls back to the last twelve months and says why", () => {
    const f = filtersFrom({ from: "1000-01-01", to: "2026-06-30" }, "2026-06-30");
    expect(f.error).toBe("too-long");
    expect(f.from > "2025-01-01").toBe(true);
  });

  it("the query itself refuses an unbounded period from any other caller", async () => {
    const manager = await actorOf(database, "manager@example.com");
    expect(await getPortfolio(database.db, manager, { from: "1000-01-01", to: "2026-06-30", today: "2026-06-30", consultantId: null, industry: null })).toBeNull();
  });
});
