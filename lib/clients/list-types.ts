// The client list: plain types and constants shared by the queries (db/queries/client-status.ts)
// and the components. Nothing here imports db/, so components can use it.
import type { Flag } from "../flags";

/** Where one client stands now, computed in SQL from the stored stage history. */
export interface ClientStatus {
  id: string;
  name: string;
  industry: string | null;
  archived: boolean;
  consultantId: string | null;
  consultantName: string | null;
  checkInCount: number;
  lastCheckIn: string | null;
  stage: number | null;
  confidence: number | null;
  /** Date of the check-in at which the current stage began. */
  stageSince: string | null;
  daysInStage: number | null;
  /** The stage before the last change (null if the stage never changed). */
  previousStage: number | null;
  overrideStage: number | null;
  selfStage: number | null;
  selfDate: string | null;
  flags: Flag[];
  /** The last change was backwards and happened within RECENT_REGRESSION_DAYS. */
  regressedRecently: boolean;
}

export const CLIENT_SORTS = ["name", "stage", "lastCheckIn", "daysInStage", "consultant", "flags"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export interface ClientListQuery {
  /** Case-insensitive substring of the name. */
  q?: string;
  /** The whole name, whatever its case (names are unique within a firm). */
  name?: string;
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

/** Rows per page of the /clients page. */
export const CLIENT_PAGE_SIZE = 50;

/** One page of the /clients page. */
export interface ClientPage {
  rows: ClientStatus[];
  /** All clients matching the query, over every page. */
  total: number;
  /** 1-based, clamped to 1..pageCount. */
  page: number;
  pageCount: number;
  pageSize: number;
}
