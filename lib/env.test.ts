import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v as string);
  return import("./env");
}

afterEach(() => vi.unstubAllEnvs());

describe("authSecret", () => {
  it("generates a secret for the embedded database and keeps it beside the data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stageline-env-"));
    const { authSecret } = await freshEnv({ DATABASE_URL: "", AUTH_SECRET: "", PGLITE_DIR: path.join(dir, "pglite") });
    const first = authSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
    const again = await freshEnv({ DATABASE_URL: "", AUTH_SECRET: "", PGLITE_DIR: path.join(dir, "pglite") });
    expect(again.authSecret()).toBe(first);
  });

  it("stops the start when DATABASE_URL is set without AUTH_SECRET", async () => {
    const { authSecret } = await freshEnv({ DATABASE_URL: "postgres://localhost/x", AUTH_SECRET: "" });
    expect(() => authSecret()).toThrow(/AUTH_SECRET is not set/);
  });

  it("names the variable that is wrong", async () => {
    const { env } = await freshEnv({ DATABASE_URL: "mysql://nope", PORT: "99999" });
    expect(() => env()).toThrow(/DATABASE_URL[\s\S]*PORT/);
  });
});

describe("the database URLs", () => {
  it("a direct URL or a read replica without the primary's DATABASE_URL is a mistake, named", async () => {
    const { env } = await freshEnv({ DATABASE_URL: "", DATABASE_DIRECT_URL: "postgres://localhost/x", DATABASE_READ_URL: "postgres://replica/x" });
    expect(() => env()).toThrow(/DATABASE_DIRECT_URL: needs DATABASE_URL[\s\S]*DATABASE_READ_URL: needs DATABASE_URL/);
  });

  it("reads the replica's tolerated lag, 30 s unless set", async () => {
    const withDefault = await freshEnv({ DATABASE_URL: "postgres://localhost/x", DATABASE_READ_URL: "postgres://replica/x", DATABASE_READ_MAX_LAG_SECONDS: "" });
    expect(withDefault.env().DATABASE_READ_MAX_LAG_SECONDS).toBe(30);
    const set = await freshEnv({ DATABASE_URL: "postgres://localhost/x", DATABASE_READ_MAX_LAG_SECONDS: "5" });
    expect(set.env().DATABASE_READ_MAX_LAG_SECONDS).toBe(5);
    const bad = await freshEnv({ DATABASE_URL: "postgres://localhost/x", DATABASE_READ_MAX_LAG_SECONDS: "soon" });
    expect(() => bad.env()).toThrow(/DATABASE_READ_MAX_LAG_SECONDS/);
  });
});

describe("DATABASE_NAMED_STATEMENTS", () => {
  it("is on unless set to off, and a typo is named", async () => {
    expect((await freshEnv({ DATABASE_NAMED_STATEMENTS: undefined })).namedStatementsOn()).toBe(true);
    expect((await freshEnv({ DATABASE_NAMED_STATEMENTS: "" })).namedStatementsOn()).toBe(true);
    expect((await freshEnv({ DATABASE_NAMED_STATEMENTS: "off" })).namedStatementsOn()).toBe(false);
    const typo = await freshEnv({ DATABASE_NAMED_STATEMENTS: "of" });
    expect(() => typo.namedStatementsOn()).toThrow(/DATABASE_NAMED_STATEMENTS: must be "on" or "off", got "of"/);
    expect(() => typo.env()).toThrow(/DATABASE_NAMED_STATEMENTS/);
  });
});
