import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { listAudit } from "@/db/queries/audit";
import { listClientPage } from "@/db/queries/client-status";
import { listCheckInsEndpoint } from "@/lib/api/handlers/checkins";
import { getClientEndpoint, listClientsEndpoint } from "@/lib/api/handlers/clients";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";
import { stagesEndpoint } from "@/lib/api/handlers/stages";
import { exportEndpoint } from "@/lib/api/handlers/transfer";
import type { Actor } from "@/lib/auth/permissions";
import { openDemoDatabase } from "./db";
import { actorOf, call, isErrorShape, tokenFor } from "./api/helpers";

// "No request can make the server work for more than a second on the demo firm": every read
// the API and the pages offer, with the most expensive parameters they accept, answers within
// a second; parameters past their bounds get a 400 that names them, at once.

const TODAY = "2026-06-30";
const SECOND = 1000;
let database: Database;
let token: string;
let manager: Actor;
let someClient: string;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; out: T }> {
  const t0 = performance.now();
  const out = await run();
  return { ms: performance.now() - t0, out };
}

beforeAll(async () => {
  database = await openDemoDatabase(TODAY);
  token = await tokenFor(database, "manager@example.com");
  manager = await actorOf(database, "manager@example.com");
  const r = await call(database, listClientsEndpoint, { path: "/api/v1/clients?limit=1", token });
  someClient = r.body.data[0].id;
});
afterAll(async () => database?.close());

describe("the most expensive accepted request answers within a second", () => {
  it("API reads at their widest", async () => {
    const cases: [string, Parameters<typeof call>[1], Parameters<typeof call>[2]][] = [
      ["client list, largest page", listClientsEndpoint, { path: "/api/v1/clients?limit=200&includeArchived=true", token }],
      ["one client", getClientEndpoint, { path: `/api/v1/clients/${someClient}`, params: { id: someClient }, token }],
      ["check-ins, largest page", listCheckInsEndpoint, { path: `/api/v1/clients/${someClient}/checkins?limit=200`, params: { id: someClient }, token }],
      ["stage history", stagesEndpoint, { path: `/api/v1/clients/${someClient}/stages`, params: { id: someClient }, token }],
      ["portfolio, ten years", portfolioEndpoint, { path: `/api/v1/portfolio?from=2016-06-30&to=${TODAY}`, token }],
      ["export of the whole firm", exportEndpoint, { path: "/api/v1/export", token }],
    ];
    for (const [name, ep, opts] of cases) {
      const { ms, out } = await timed(() => call(database, ep, opts));
      expect(out.status, name).toBe(200);
      expect(ms, name).toBeLessThan(SECOND);
    }
  });

  it("page reads at their widest: the client list's last page and any audit page", async () => {
    const query = { today: TODAY, sort: "stage", dir: "desc" } as Parameters<typeof listClientPage>[2];
    for (const page of ["1", "999999", "99999999999999999999"]) {
      const { ms, out } = await timed(() => listClientPage(database.db, manager, query, page));
      expect(out.rows.length).toBeGreaterThanOrEqual(0);
      expect(ms, `clients page ${page}`).toBeLessThan(SECOND);
    }
    for (const page of [1, 1e9, Number.MAX_SAFE_INTEGER]) {
      const { ms } = await timed(() => listAudit(database.db, manager, { page }));
      expect(ms, `audit page ${page}`).toBeLessThan(SECOND);
    }
  });

  it("parameters past their bounds get a 400 naming them, at once", async () => {
    const bad = [
      "/api/v1/clients?limit=201",
      "/api/v1/clients?limit=0",
      "/api/v1/clients?limit=1e20",
      "/api/v1/clients?limit=-1",
      `/api/v1/clients?cursor=${"x".repeat(501)}`,
      `/api/v1/clients?q=${"y".repeat(201)}`,
    ];
    for (const path of bad) {
      const { ms, out } = await timed(() => call(database, listClientsEndpoint, { path, token }));
      expect(out.status, path).toBe(400);
      expect(isErrorShape(out.body), path).toBe(true);
      expect(ms, path).toBeLessThan(SECOND);
    }
    const far = await timed(() => call(database, portfolioEndpoint, { path: `/api/v1/portfolio?from=0001-01-01&to=9999-12-31`, token }));
    expect(far.out.status).toBe(400);
    expect(far.ms).toBeLessThan(SECOND);
  });
});
