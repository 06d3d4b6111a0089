import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../index";
import { signInFailures, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { writeAudit } from "./audit";

// Sign-in throttling, kept in the database so every app instance sees the same failures.
// Three sliding windows: one account from one address (the lock a person meets), any account
// from one address (spraying), and one account from any address (a slow distributed guess).
// Nothing is counted while a lock holds, so hammering a locked account does not extend it.

export interface ThrottleRule {
  name: "account-address" | "address" | "account";
  max: number;
  windowMinutes: number;
}

export const THROTTLE_RULES: readonly ThrottleRule[] = [
  { name: "account-address", max: 10, windowMinutes: 15 },
  { name: "address", max: 50, windowMinutes: 60 },
  { name: "account", max: 100, windowMinutes: 60 },
];

export type ThrottleStatus = { locked: false } | { locked: true; until: Date; rule: ThrottleRule["name"] };

const MINUTE = 60_000;

export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether `account` may try again from `ip` now; when locked, until when. */
export async function throttleStatus(db: Db, account: string, ip: string, now: Date = new Date()): Promise<ThrottleStatus> {
  let until: Date | null = null;
  let rule: ThrottleRule["name"] = "account-address";
  for (const r of THROTTLE_RULES) {
    const where =
      r.name === "account-address"
        ? and(eq(signInFailures.account, account), eq(signInFailures.ip, ip))
        : r.name === "address"
          ? eq(signInFailures.ip, ip)
          : eq(signInFailures.account, account);
    // The max most recent failures: locked while the oldest of them is younger than the window.
    const rows = await db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(where, gt(signInFailures.at, new Date(now.getTime() - 2 * r.windowMinutes * MINUTE))))
      .orderBy(desc(signInFailures.at))
      .limit(r.max);
    if (rows.length < r.max) continue;
    const newest = rows[0]!.at.getTime();
    const oldest = rows[rows.length - 1]!.at.getTime();
    if (newest - oldest > r.windowMinutes * MINUTE) continue;
    const end = new Date(newest + r.windowMinutes * MINUTE);
    if (end > now && (!until || end > until)) {
      until = end;
      rule = r.name;
    }
  }
  return until ? { locked: true, until, rule } : { locked: false };
}

export async function recordFailure(db: Db, account: string, ip: string, now: Date = new Date()): Promise<void> {
  await db.insert(signInFailures).values({ account, ip, at: now });
  // Now and then, forget failures that no window looks at any more: no timer needed.
  if (Math.random() < 0.02) await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 24 * 60 * MINUTE)));
}

/** A successful sign-in forgets that address's failures for the account. */
export async function clearFailures(db: Db, account: string, ip: string): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.account, account), eq(signInFailures.ip, ip)));
}

/** A manager lifts the lock on a user of their firm (every address); false when not theirs to lift. */
export async function clearSignInLock(db: Db, actor: Actor, userId: string): Promise<boolean> {
  if (!can(actor, "team.manage")) return false;
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.id, userId), eq(users.firmId, actor.firmId))).limit(1);
  if (!user) return false;
  await db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(eq(signInFailures.account, accountKey(user.email)));
    await writeAudit(tx, actor, { action: "user.unlock", entityType: "user", entityId: user.id });
  });
  return true;
}

/** Which users of the manager's firm are locked out from some address right now (for the team page); empty for anyone else. */
export async function lockedAccounts(db: Db, actor: Actor, now: Date = new Date()): Promise<Set<string>> {
  if (!can(actor, "team.manage")) return new Set();
  const emails = (await db.select({ email: users.email }).from(users).where(eq(users.firmId, actor.firmId))).map((u) => u.email);
  if (emails.length === 0) return new Set();
  const rule = THROTTLE_RULES[0]!;
  const rows = await db
    .select({ account: signInFailures.account })
    .from(signInFailures)
    .where(and(inArray(signInFailures.account, emails.map(accountKey)), gt(signInFailures.at, new Date(now.getTime() - rule.windowMinutes * MINUTE))))
    .groupBy(signInFailures.account, signInFailures.ip)
    .having(sql`count(*) >= ${rule.max}`);
  return new Set(rows.map((r) => r.account));
}
