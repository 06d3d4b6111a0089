import type { Db } from "../../db";
import { findUserByEmail } from "../../db/queries/users";
import { accountKey, clearFailures, recordFailure, throttleStatus } from "../../db/queries/sign-in-throttle";
import { verifyPassword } from "./password";
import { asIdentity } from "../../db/tenant";

// The one check of an email and password, for every way in (the sign-in form's action and
// Auth.js's own callback endpoint): throttled per account and address before the password is
// even looked at, so a locked account stays locked with the right password too.

export type CredentialsResult =
  | { ok: true; userId: string; sessionVersion: number; firmId: string }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "locked"; until: Date };

export async function checkCredentials(db: Db, email: string, password: string, ip: string, now: Date = new Date()): Promise<CredentialsResult> {
  const account = accountKey(email);
  const status = await throttleStatus(db, account, ip, now);
  if (status.locked) return { ok: false, reason: "locked", until: status.until };
  // Before sign-in there is no firm: an identity lookup finds the user by email in any firm.
  const user = await asIdentity(db, (tx) => findUserByEmail(tx, email));
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || !user.active || !user.passwordHash) {
    await recordFailure(db, account, ip, now);
    return { ok: false, reason: "wrong" };
  }
  await clearFailures(db, account, ip);
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, firmId: user.firmId };
}

/** Whole minutes until a lock ends, at least 1. */
export function minutesUntil(until: Date, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
