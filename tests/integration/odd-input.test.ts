import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { AUDIT_MAX_PAGE, listAudit } from "@/db/queries/audit";
import { openDemoDatabase } from "./db";
import { actorOf, call, isErrorShape, tokenFor, VALID_CHECKIN } from "./api/helpers";
import { createClientEndpoint, listClientsEndpoint } from "@/lib/api/handlers/clients";
import { createCheckInEndpoint } from "@/lib/api/handlers/checkins";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";

// Odd input answers with a bounded result, never a 500 (security review, finding 10).
let database: Database;

beforeAll(async () => {
  database = await openDemoDatabase();
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

describe("text the database cannot store", () => {
  it("a NUL byte or a lone surrogate is refused at the field that carried it, never a 500", async () => {
    const consultant = await tokenFor(database, "consultant@example.com");
    const manager = await tokenFor(database, "manager@example.com");
    const client = await call(database, createClientEndpoint, { method: "POST", path: "/api/v1/clients", token: consultant, json: { name: "Rosa\u0000s Bakery" } });
    expect(client.status).toBe(422);
    expect(isErrorShape(client.body)).toBe(true);
    expect(client.body.error.details).toEqual([expect.objectContaining({ column: "name", message: expect.stringContaining("NUL") })]);

    const list = await call(database, listClientsEndpoint, { path: "/api/v1/clients?limit=1", token: consultant });
    const id = list.body.data[0].id;
    const checkIn = await call(database, createCheckInEndpoint, { method: "POST", path: `/api/v1/clients/${id}/checkins`, params: { id }, token: consultant, json: { ...VALID_CHECKIN, notes: "x\ud800y" } });
    expect(checkIn.status).toBe(422);
    expect(checkIn.body.error.details).toEqual([expect.objectContaining({ column: "notes", message: expect.stringContaining("surrogate") })]);

    const portfolio = await call(database, portfolioEndpoint, { path: "/api/v1/portfolio?industry=%00", token: manager });
    expect(portfolio.status).toBe(400);
    expect(portfolio.body.error.details).toEqual([expect.objectContaining({ column: "industry" })]);
  });
});
