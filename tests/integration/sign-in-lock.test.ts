import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { DEMO_PASSWORD } from "@/db/seed";
import { checkCredentials } from "@/lib/auth/credentials";
import { openDemoDatabase } from "./db";

// Finding 1 of the security review: 50 wrong passwords took 0.8 s and the right one was
// accepted straight after. Now the tenth failure locks the account from that address.
let database: Database;

beforeAll(async () => {
  database = await openDemoDatabase();
});
afterAll(() => database?.close());

describe("sign-in throttling", () => {
  it("refuses the right password after 10 wrong ones from one address, for 15 minutes", async () => {
    const t0 = new Date("2026-06-30T10:00:00Z");
    const email = "consultant2@example.com";
    for (let i = 0; i < 10; i++) {
      expect(await checkCredentials(database.db, email, `wrong-${i}`, "198.51.100.20", new Date(t0.getTime() + i * 1000))).toEqual({ ok: false, reason: "wrong" });
    }
    const locked = await checkCredentials(database.db, email, DEMO_PASSWORD, "198.51.100.20", new Date(t0.getTime() + 11_000));
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") expect(locked.until.getTime()).toBe(t0.getTime() + 9_000 + 15 * 60_000);
    // The same account from another address, and the same address an hour later, get in.
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, "198.51.100.21", new Date(t0.getTime() + 12_000))).ok).toBe(true);
    expect((await checkCredentials(database.db, email, DEMO_PASSWORD, "198.51.100.20", new Date(t0.getTime() + 60 * 60_000))).ok).toBe(true);
  });

  it("counts unknown emails too, so probing for accounts is throttled the same way", async () => {
    const t0 = new Date("2026-06-30T12:00:00Z");
    for (let i = 0; i < 10; i++) await checkCredentials(database.db, "nobody@example.com", "x", "198.51.100.30", new Date(t0.getTime() + i));
    expect(await checkCredentials(database.db, "nobody@example.com", "x", "198.51.100.30", new Date(t0.getTime() + 20))).toMatchObject({ reason: "locked" });
  });
});
