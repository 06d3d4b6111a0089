// Reasons (evidence for a stage) and missing items (what the next stage still needs).
// Only message codes are chosen here; the catalogue renders them.
import type { Stage } from "./types";
import { ATTITUDE_STAGE, type Evaluation } from "./rules";
import type { AttitudeDirection, StageMessages } from "./messages/types";

/** What changed since the previous check-in that points out of stage 3 (or 2). */
export interface WayOut {
  automationDropped: boolean;
  scheduleAppeared: boolean;
}

function postingFact(m: StageMessages, e: Evaluation, out: string[]): void {
  out.push(e.posts === 0 ? m.reasons.noPosts : m.reasons.posts(e.posts, e.automation));
}

function repliesFact(m: StageMessages, e: Evaluation, out: string[]): void {
  out.push(e.replies === 0 ? m.reasons.repliesNone : e.replies === 1 ? m.reasons.repliesSome : m.reasons.repliesConsistent);
}

function resultsFact(m: StageMessages, e: Evaluation, out: string[]): void {
  out.push(e.results === 0 ? m.reasons.resultsNone : e.results === 1 ? m.reasons.resultsSome : m.reasons.resultsClear);
}

/** Facts of this check-in that support `stage`. Appends to `out`. */
export function supportingFacts(m: StageMessages, stage: Stage, e: Evaluation, way: WayOut, out: string[]): void {
  const r = m.reasons;
  switch (stage) {
    case 1:
      if (!e.hasAccounts) out.push(r.noAccounts);
      else out.push(r.accounts(e.accountCount));
      if (e.posts === 0) out.push(r.noPosts);
      break;
    case 2:
    case 3:
      if (!e.hasAccounts) break;
      if (stage === 2) out.push(r.accounts(e.accountCount));
      if ((stage === 2) === e.young) out.push(r.accountsAge(e.ageDays, e.ageKnown));
      postingFact(m, e, out);
      if (!e.scheduled && e.posts > 0) out.push(r.noSchedule);
      if (e.replies < 2) repliesFact(m, e, out);
      if (e.results === 0) out.push(r.resultsNone);
      if (way.automationDropped) out.push(r.automationDropped);
      if (way.scheduleAppeared) out.push(r.scheduleAppeared);
      break;
    default:
      if (e.scheduled) out.push(r.scheduled);
      if (e.posts >= 1) postingFact(m, e, out);
      if (e.replies > 0) repliesFact(m, e, out);
      if (e.results > 0) resultsFact(m, e, out);
      if (stage >= 5) {
        if (e.insight) out.push(r.insightTools(e.insightTools));
        if (e.fastResponse) out.push(r.fastResponse(e.responseHours!));
      }
      if (stage === 6 && e.advocacy > 0) out.push(e.advocacy === 2 ? r.advocacyActive : r.advocacySome);
  }
}

export function attitudeDirection(e: Evaluation, stage: Stage): AttitudeDirection {
  const d = ATTITUDE_STAGE[e.attitude!] - stage;
  return d >= 2 ? 1 : d <= -2 ? -1 : 0;
}

/** The stage-4 routine items this check-in lacks. */
function routineGaps(m: StageMessages, e: Evaluation, out: string[]): void {
  const g = m.missing;
  if (!e.hasAccounts) out.push(g.account);
  if (!e.scheduled) out.push(g.schedule);
  if (!e.weeklyPosts) out.push(g.postWeekly);
  if (e.highAutomation) out.push(g.lessAutomation);
  if (e.replies < 2) out.push(g.replyConsistently);
  if (e.results === 0) out.push(g.results);
}

/** What the stage after `stage` still needs, judged on this check-in. Empty exactly at stage 6. */
export function missingFor(m: StageMessages, stage: Stage, e: Evaluation): string[] {
  const g = m.missing;
  const out: string[] = [];
  switch (stage) {
    case 1:
      out.push(e.hasAccounts ? g.startPosting : g.account);
      break;
    case 2:
    case 3:
      // Stage 3 is reached by time alone and is nobody's goal; the way forward is the routine.
      routineGaps(m, e, out);
      break;
    case 4:
    case 5:
      if (!e.routine) routineGaps(m, e, out);
      if (!e.insight) out.push(g.insightTool);
      if (!e.clearOrFast) out.push(g.clearResultsOrFastResponse);
      if (stage === 4 && e.routine && e.insight && e.clearOrFast && !e.sustained) out.push(g.sustain);
      if (stage === 5 && e.advocacy < 2) out.push(g.advocacy);
      if (out.length === 0) out.push(stage === 4 ? g.sustain : g.advocacy);
      break;
    case 6:
      break;
  }
  return out;
}
