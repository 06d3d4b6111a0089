// The client list query: plain types and constants, safe to import from components (no db).
import type { Flag } from "../../lib/flags";

export const CLIENT_SORTS = ["name", "stage", "lastCheckIn", "daysInStage", "consultant", "flags"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export interface ClientListQuery {
  /** Case-insensitive substring of the name. */
  q?: string;
  /** A stage 1-6, or "none" for clients without a check-in yet. */
  stage?: number | "none";
  flag?: Flag;
  /** true: only archived clients; otherwise only active ones. */
  archived?: boolean;
  sort?: ClientSort;
  dir?: "asc" | "desc";
  /** "Today" for the flags (tests fix it). */
  today?: string;
}

