// The stage rules (see README.md for the same rules in words, with the reason for each threshold).
import type { Stage, StageInput } from "./types";
import type { Attitude, Tool } from "./vocabulary";
import type { AutomationLevel } from "./messages/types";
import { DEFAULT_SETTINGS, type StageSettings } from "./settings";

// The default thresholds; a firm may tune them (settings.ts), so the engine reads them from the
// StageSettings it is given, never from these names.
/** Accounts younger than this are "new" (stage 2); older without a routine is stage 3. */
export const TRIAL_DAYS = DEFAULT_SETTINGS.trialDays;
/** About once a week: the least posting that counts as consistent. */
export const ROUTINE_MIN_POSTS = DEFAULT_SETTINGS.routineMinPosts;
/** Half or more of the posts automatic = "a large share is automatic". */
export const HIGH_AUTOMATION = DEFAULT_SETTINGS.highAutomation;
/** Answering mentions within a day counts as fast. */
export const FAST_RESPONSE_HOURS = DEFAULT_SETTINGS.fastResponseHours;
/** Tools that give insight (stage 5). Scheduling supports the stage-4 routine; a CRM is not social listening. */
export const INSIGHT_TOOLS: readonly Tool[] = ["analytics", "monitoring", "influence"];

/** The stage an attitude, taken alone, would suggest. */
export const ATTITUDE_STAGE: Record<Attitude, Stage> = {
  dismissive: 1,
  hesitant: 2,
  hopeful: 2,
  frustrated: 3,
  comfortable: 4,
  enthusiastic: 5,
  evangelist: 6,
};

const TOOL_BIT: Record<Tool, number> = { scheduling: 0, analytics: 1, monitoring: 2, influence: 4, crm: 0 };
/** Insight tools in use by bit mask, so the engine never allocates a list per check-in. */
const INSIGHT_BY_MASK: readonly (readonly Tool[])[] = Array.from({ length: 8 }, (_, m) =>
  INSIGHT_TOOLS.filter((t) => (m & TOOL_BIT[t]) !== 0),
);

/** Facts about one check-in that the rules, reasons and confidence all use. */
export class Evaluation {
  hasAccounts: boolean;
  accountCount: number;
  /** Days since the first account was opened; -1 without accounts. */
  ageDays: number;
  /** Whether the age comes from accounts_since (else from the first check-in listing an account). */
  ageKnown: boolean;
  young: boolean;
  posts: number;
  /** At least the routine's posts (settings.routineMinPosts): about weekly by default. */
  weeklyPosts: boolean;
  dormant: boolean;
  scheduled: boolean;
  automation: AutomationLevel;
  highAutomation: boolean;
  replies: 0 | 1 | 2;
  results: 0 | 1 | 2;
  insightTools: readonly Tool[];
  fastResponse: boolean;
  responseHours: number | null;
  advocacy: 0 | 1 | 2;
  attitude: Attitude | null;
  /** The stage-4 routine (see routine()). */
  routine: boolean;
  /** Stage-5 extras: an insight tool plus clear results or fast answers. */
  insight: boolean;
  clearOrFast: boolean;
  /** The stage as of the previous check-in was 4 or more (or this is the first check-in). */
  sustained: boolean;
  raw: Stage;

  constructor(c: StageInput, ageDays: number, ageKnown: boolean, sustained: boolean, settings: StageSettings = DEFAULT_SETTINGS) {
    const accountCount = c.accounts.length;
    this.hasAccounts = accountCount > 0;
    this.accountCount = accountCount;
    this.ageDays = ageDays;
    this.ageKnown = ageKnown;
    this.young = ageDays < settings.trialDays;
    const posts = c.postsLast30d;
    this.posts = posts;
    this.weeklyPosts = posts >= settings.routineMinPosts;
    this.dormant = posts === 0;
    this.scheduled = c.rhythm === "scheduled";
    const share = c.automatedShare;
    const high = settings.highAutomation;
    this.automation = share <= 0 ? 0 : share < high ? 1 : share < 1 ? 2 : 3;
    this.highAutomation = share >= high;
    this.replies = c.replies === "none" ? 0 : c.replies === "some" ? 1 : 2;
    this.results = c.results === "none" ? 0 : c.results === "some" ? 1 : 2;
    let mask = 0;
    const tools = c.tools;
    for (let i = 0; i < tools.length; i++) mask |= TOOL_BIT[tools[i]!] ?? 0;
    this.insightTools = INSIGHT_BY_MASK[mask]!;
    const hours = c.mentionResponseHours ?? null;
    this.responseHours = hours;
    this.fastResponse = hours !== null && hours <= settings.fastResponseHours;
    this.advocacy = c.advocacy === "none" ? 0 : c.advocacy === "some" ? 1 : 2;
    this.attitude = c.attitude ?? null;
    this.sustained = sustained;

    // Stage 4's routine: scheduled time, about weekly posts, some answers to people, and at least
    // two of: posts mostly written by hand, consistent answers, visible results.
    const supports = (share < high ? 1 : 0) + (this.replies === 2 ? 1 : 0) + (this.results > 0 ? 1 : 0);
    this.routine = this.hasAccounts && this.scheduled && this.weeklyPosts && this.replies > 0 && supports >= 2;
    this.insight = mask !== 0;
    this.clearOrFast = this.results === 2 || this.fastResponse;
    this.raw = this.rawStage();
  }

  private rawStage(): Stage {
    if (!this.hasAccounts) return 1;
    if (this.dormant) {
      // Dormant accounts: a dismissive owner is back at stage 1; new accounts are a trial that has
      // not started yet; old silent accounts with no attitude recorded are stage-1 evidence.
      if (this.attitude === "dismissive") return 1;
      if (this.young) return 2;
      return this.attitude === null ? 1 : 3;
    }
    if (!this.routine) return this.young ? 2 : 3;
    if (!(this.insight && this.clearOrFast && this.sustained)) return 4;
    return this.advocacy === 2 ? 6 : 5;
  }

  /** Share (0-1) of the stage's typical signals that this check-in shows. */
  signals(stage: Stage): number {
    const r = this.results;
    switch (stage) {
      case 1:
        return (
          ((!this.hasAccounts || this.dormant ? 1 : 0) + (!this.scheduled && this.posts === 0 ? 1 : 0) +
            (this.replies === 0 ? 1 : 0) + (r === 0 ? 1 : 0)) / 4
        );
      case 2:
        return (
          ((this.hasAccounts ? 1 : 0) + (this.hasAccounts && this.young ? 1 : 0) + (!this.weeklyPosts ? 1 : 0) +
            (!this.scheduled ? 1 : 0) + (this.highAutomation || this.replies === 0 ? 1 : 0) + (r === 0 ? 1 : 0)) / 6
        );
      case 3:
        return (
          ((this.hasAccounts ? 1 : 0) + (this.hasAccounts && !this.young ? 1 : 0) + (!this.scheduled ? 1 : 0) +
            (this.highAutomation || this.replies < 2 ? 1 : 0) + (r === 0 ? 1 : 0)) / 5
        );
      case 4:
        return this.routineSignals() / 5;
      case 5:
        return (this.routineSignals() + this.extraSignals()) / 9;
      case 6:
        return (this.routineSignals() + this.extraSignals() + (this.advocacy === 2 ? 1 : 0)) / 10;
    }
  }

  private routineSignals(): number {
    return (
      (this.scheduled ? 1 : 0) + (this.weeklyPosts ? 1 : 0) + (!this.highAutomation ? 1 : 0) +
      (this.replies === 2 ? 1 : 0) + (this.results > 0 ? 1 : 0)
    );
  }

  private extraSignals(): number {
    return (this.insight ? 1 : 0) + (this.results === 2 ? 1 : 0) + (this.fastResponse ? 1 : 0) + (this.sustained ? 1 : 0);
  }
}
