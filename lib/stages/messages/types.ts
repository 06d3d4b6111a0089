// The message catalogue interface. The engine decides WHICH message applies and with which
// parameters (the method is the message code, its arguments the params); a catalogue renders it.
// Each locale implements this interface completely, so a missing translation is a type error.
import type { Stage } from "../types";
import type { Attitude, Tool } from "../vocabulary";

/** How much of the posting went out automatically: 0 none, 1 less than half, 2 half or more, 3 all. */
export type AutomationLevel = 0 | 1 | 2 | 3;
/** Where an attitude points relative to the inferred stage: -1 lower, 0 about the same, 1 higher. */
export type AttitudeDirection = -1 | 0 | 1;

export interface ReasonMessages {
  noAccounts: string;
  accounts(count: number): string;
  /** `known`: from accounts_since; otherwise counted from the first check-in that listed an account. */
  accountsAge(days: number, known: boolean): string;
  noPosts: string;
  posts(count: number, automation: AutomationLevel): string;
  noSchedule: string;
  scheduled: string;
  repliesNone: string;
  repliesSome: string;
  repliesConsistent: string;
  resultsNone: string;
  resultsSome: string;
  resultsClear: string;
  /** `tools` holds only the insight tools in use (analytics, monitoring, influence), never empty. */
  insightTools(tools: readonly Tool[]): string;
  fastResponse(hours: number): string;
  advocacySome: string;
  advocacyActive: string;
  attitude(attitude: Attitude, direction: AttitudeDirection): string;
  automationDropped: string;
  scheduleAppeared: string;
  /** The stage is kept although this check-in alone looks like `looksLike`. */
  held(stage: Stage, looksLike: Stage): string;
  /** The stage fell from `from` because this check-in and the ones before it, `inRow` in all (2 unless a firm's rules say otherwise), were below it. */
  dropped(from: Stage, inRow?: number): string;
}

export interface MissingMessages {
  account: string;
  startPosting: string;
  schedule: string;
  postWeekly: string;
  lessAutomation: string;
  replyConsistently: string;
  results: string;
  insightTool: string;
  clearResultsOrFastResponse: string;
  sustain: string;
  advocacy: string;
}

export interface StageMessages {
  labels: Record<Stage, string>;
  summaries: Record<Stage, string>;
  reasons: ReasonMessages;
  missing: MissingMessages;
}
