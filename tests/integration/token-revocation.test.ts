import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { setUserActive } from "@/db/queries/users";
import { setUserRole } from "@/db/queries/team";
import { actorForToken } from "@/db/queries/tokens";
import { openDemoDatabase } from "./db";
import { actorOf } from "./api/helpers";
import { makeUser } from "./factory";
import { createToken } from "@/db/queries/tokens";

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
