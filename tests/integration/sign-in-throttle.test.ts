import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { findUserByEmail } from "@/db/queries/users";
import { accountKey, clearFailures, clearSignInLock, lockedAccounts, recordFailure, throttleStatus } from "@/db/queries/sign-in-throttle";
import { openDemoDatabase } from "./db";
import { actorOf } from "./api/helpers";

let database: Database;
const T0 = new Date("2026-06-30T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeAll(async () => {
  database = await openDemoDatabase();
});
afterAll(() => database?.close());

describe("sign-in throttle", () => {
  it("locks one account from one address after 10 failures in 15 minutes, for 15 minutes", async () => {
    const acct = accountKey("Throttle-A@Example.com");
    for (let i = 0; i < 9; i++) await recordFailure(database.db, acct, "198.51.100.1", at(i));
    expect((await throttleStatus(database.db, acct, "198.51.100.1", at(9))).locked).toBe(false);
    await recordFailure(database.db, acct, "198.51.100.1", at(9));
    const s = await throttleStatus(database.db, acct, "198.51.100.1", at(10));
    expect(s).toEqual({ locked: true, until: at(24), rule: "account-address" });
    // Another address is not locked out of this account; the lock ends on time.
    expect((await throttleStatus(database.db, acct, "198.51.100.2", at(10))).locked).toBe(false);
    expect((await throttleStatus(database.db, acct, "198.51.100.1", at(24))).locked).toBe(false);
  });

  it("does not lock for 10 failures spread over more than 15 minutes", async () => {
    const acct = "spread@example.com";
    for (let i = 0; i < 10; i++) await recordFailure(database.db, acct, "198.51.100.3", at(i * 2));
    expect((await throttleStatus(database.db, acct, "198.51.100.3", at(19))).locked).toBe(false);
  });

  it("locks an address that sprays many accounts (50 failures in an hour)", async () => {
    for (let i = 0; i < 50; i++) await recordFailure(database.db, `spray${i}@example.com`, "203.0.113.50", at(i));
    const s = await throttleStatus(database.db, "someone-else@example.com", "203.0.113.50", at(50));
    expect(s.locked && s.rule).toBe("address");
  });

  it("a successful sign-in forgets that address's failures", async () => {
    const acct = "success@example.com";
    for (let i = 0; i < 10; i++) await recordFailure(database.db, acct, "198.51.100.9", at(i));
    await clearFailures(database.db, acct, "198.51.100.9");
    expect((await throttleStatus(database.db, acct, "198.51.100.9", at(10))).locked).toBe(false);
  });

  it("a manager clears a lock on a user of their firm, and only their firm", async () => {
    const manager = await actorOf(database, "manager@example.com");
    const other = await actorOf(database, "other-manager@example.org");
    const consultant = await actorOf(database, "consultant@example.com");
    const user = (await findUserByEmail(database.db, "consultant2@example.com"))!;
    const now = new Date();
    for (let i = 0; i < 10; i++) await recordFailure(database.db, accountKey(user.email), "198.51.100.7", new Date(now.getTime() - (10 - i) * 1000));
    expect(await lockedAccounts(database.db, manager, now)).toEqual(new Set([accountKey(user.email)]));
    expect(await lockedAccounts(database.db, other, now)).toEqual(new Set());
    expect(await lockedAccounts(database.db, consultant, now)).toEqual(new Set());
    expect(await clearSignInLock(database.db, other, user.id)).toBe(false);
    expect(await clearSignInLock(database.db, consultant, user.id)).toBe(false);
    expect((await throttleStatus(database.db, accountKey(user.email), "198.51.100.7", now)).locked).toBe(true);
    expect(await clearSignInLock(database.db, manager, user.id)).toBe(true);
    expect((await throttleStatus(database.db, accountKey(user.email), "198.51.100.7", now)).locked).toBe(false);
  });
});
