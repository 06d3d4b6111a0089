// How long a signed-in session lasts. The session cookie names a row in user_sessions; these
// limits are checked against that row on every request (db/queries/sessions.ts), so they hold
// across app instances and cannot be stretched by keeping an old cookie.

/** A session unused for this long has ended. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** However active, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often per session, so a busy page does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionEnd = "signed-out" | "idle" | "expired";

/** Whether a session row still holds at `now`, and if not, why. */
export function sessionState(row: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, now: Date): "live" | SessionEnd {
  if (row.endedAt) return "signed-out";
  if (now.getTime() - row.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return "live";
}
