// The vocabulary of observations (shared/checkin-format.md, version 1). It lives here because
// lib/stages imports nothing outside itself; the format module re-exports it.

export const PLATFORMS = ["facebook", "x", "instagram", "linkedin", "tiktok", "youtube", "pinterest", "blog", "other"] as const;
export const RHYTHMS = ["none", "sporadic", "scheduled"] as const;
export const REPLIES = ["none", "some", "consistent"] as const;
export const PROMOTIONS = ["none", "light", "active"] as const;
export const RESULTS = ["none", "some", "clear"] as const;
export const TOOLS = ["scheduling", "analytics", "monitoring", "influence", "crm"] as const;
export const ADVOCACY = ["none", "some", "active"] as const;
export const ATTITUDES = ["dismissive", "hesitant", "hopeful", "frustrated", "comfortable", "enthusiastic", "evangelist"] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Rhythm = (typeof RHYTHMS)[number];
export type Replies = (typeof REPLIES)[number];
export type Promotion = (typeof PROMOTIONS)[number];
export type Results = (typeof RESULTS)[number];
export type Tool = (typeof TOOLS)[number];
export type Advocacy = (typeof ADVOCACY)[number];
export type Attitude = (typeof ATTITUDES)[number];

/** One check-in's observations, without the client it belongs to. Defaults already applied. */
export interface CheckInFields {
  date: string; // YYYY-MM-DD
  consultant: string | null; // email
  accounts: Platform[];
  accountsSince: string | null; // YYYY-MM-DD
  postsLast30d: number;
  rhythm: Rhythm;
  automatedShare: number; // 0-1
  replies: Replies;
  promotion: Promotion;
  results: Results;
  tools: Tool[];
  mentionResponseHours: number | null;
  advocacy: Advocacy;
  attitude: Attitude | null;
  followers: number | null;
  notes: string | null;
}

