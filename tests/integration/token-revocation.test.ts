import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { setUserActive } from "@/db/queries/users";
import { setUserRole } from "@/db/queries/team";
import { actorForToken } from "@/db/queries/tokens";
import { openDemoDatabase } from "./db";
import { actorOf } from "./api/helpers";
import { makeUser } from "./factory";
import { createToken, listTokens, revokeToken } from "@/db/queries/tokens";

// Finding 9 of the security review: a deactivated-then-reactivated user's old tokens worked
// again, and a role change kept them. Both now revoke the tokens for good.
let database: Database;

beforeAll(async () => {
  database = await openDemoDatabase();
});
afterAll(() => database?.close());

const tokenOf = async (user: Awaited<ReturnType<typeof makeUser>>) => (await createToken(database.db, user, { name: "test", expiresInDays: 30 })).token;

describe("API tokens end with the access they were made for", () => {
  it("deactivation revokes them, and reactivation does not revive them", async () => {
    const manager = await actorOf(database, "manager@example.com");
    const user = await makeUser(database.db, manager.firmId, "consultant");
    const token = await tokenOf(user);
    expect(await actorForToken(database.db, token)).not.toBeNull();
    expect(await setUserActive(database.db, manager, user.id, false)).not.toBeNull();
    expect(await setUserActive(database.db, manager, user.id, true)).not.toBeNull();
    expect(await actorForToken(database.db, token)).toBeNull();
    // A token made after reactivation works.
    expect(await actorForToken(database.db, await tokenOf(user))).not.toBeNull();
  });

  it("a role change revokes them", async () => {
    const manager = await actorOf(database, "manager@example.com");
    const user = await makeUser(database.db, manager.firmId, "consultant");
    const token = await tokenOf(user);
    expect(await setUserRole(database.db, manager, user.id, "manager")).toEqual({ id: user.id, role: "manager" });
    expect(await actorForToken(database.db, token)).toBeNull();
  });
});

describe("the token list", () => {
  it("shows every usable token and the newest revoked or expired ones, counting the rest", async () => {
    const manager = await actorOf(database, "manager@example.com");
    const user = await makeUser(database.db, manager.firmId, "consultant");
    const t0 = Date.now();
    const made: Awaited<ReturnType<typeof createToken>>["info"][] = [];
    // Oldest first: 5 revoked, then one that expires in a day, then 3 usable.
    for (let i = 0; i < 9; i++) made.push((await createToken(database.db, user, { name: `t${i}`, expiresInDays: i === 5 ? 1 : 30 }, new Date(t0 + i * 1000))).info);
    for (const info of made.slice(0, 5)) await revokeToken(database.db, user, info.id);
    const names = (r: Awaited<ReturnType<typeof listTokens>>) => r.tokens.map((x) => x.name);
    expect(names(await listTokens(database.db, user, new Date(t0 + 60_000)))).toEqual(["t8", "t7", "t6", "t5", "t4", "t3", "t2", "t1", "t0"]);
    // Two days on, t5 has expired: the usable three, the newest two of the six others, and four left out.
    const capped = await listTokens(database.db, user, new Date(t0 + 2 * 86_400_000), 2);
    expect(names(capped)).toEqual(["t8", "t7", "t6", "t5", "t4"]);
    expect(capped.olderInactive).toBe(4);
    expect(capped.tokens[0]!.createdAt).toBeInstanceOf(Date);
    expect(capped.tokens.find((x) => x.name === "t4")!.revokedAt).toBeInstanceOf(Date);
    // Another user's tokens are not in it.
    expect((await listTokens(database.db, manager)).tokens.some((x) => made.some((m) => m.id === x.id))).toBe(false);
  });
});
