import { describe, expect, it, vi } from "vitest";
import { healthResponse } from "./health";
import { log } from "./log";

describe("health response", () => {
  it("says ok and the database kind", async () => {
    const res = await healthResponse(async () => "pglite", "pglite");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "pglite" });
  });

  it("keeps the database's error text out of the answer", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const res = await healthResponse(async () => {
      throw new Error('password authentication failed for user "stageline" at 10.0.0.5');
    }, "postgres");
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ ok: false, db: "postgres" });
    expect(body).not.toContain("password");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
