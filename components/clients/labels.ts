// Words for the client list (kept out of the queries, which return codes).
import type { Flag } from "@/lib/flags";
import { NO_CHECKIN_DAYS, STALLED_DAYS } from "@/lib/flags";

export const FLAG_LABELS: Record<Flag, string> = {
  "no-recent-checkin": `No check-in for ${NO_CHECKIN_DAYS}+ days`,
  stalled: `Stalled (${STALLED_DAYS}+ days in stage)`,
  regressed: "Moved backwards",
  "override-differs": "Override differs",
  "self-assessment-gap": "Self-assessment gap",
};

/** The flags the list filters by (the brief's four, plus the self-assessment gap the status query also computes). */
export const LIST_FLAGS: Flag[] = ["no-recent-checkin", "stalled", "regressed", "override-differs", "self-assessment-gap"];

export function daysText(days: number | null): string {
  if (days === null) return "—";
  if (days < 60) return `${days} day${days === 1 ? "" : "s"}`;
  const months = Math.round(days / 30.44);
  if (months < 24) return `${months} months`;
  return `${(days / 365.25).toFixed(1)} years`;
}
