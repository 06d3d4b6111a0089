import { getTimeInStage, type StageSurvival, type TimeInStage } from "../../../db/queries/insight/time-in-stage";
import { endpoint, parseQuery } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { timeInStageQuery } from "../schemas";
import { todayFor } from "../../time/zone";
import { periodOf } from "./portfolio";

// Six decimals are far finer than any estimate from a firm's spells, and keep a big firm's curves small.
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The API's view: the field names the issue (#13) set out, in snake_case. */
function stageView(s: StageSurvival) {
  return {
    stage: s.stage,
    spells: s.spells,
    events: s.events,
    censored: s.censored,
    median_days: s.medianDays,
    forward_exits: s.forwardExits,
    forward_share: s.forwardShare === null ? null : r6(s.forwardShare),
    max_days: s.maxDays,
    curve: s.curve.map((p) => ({ day: p.day, survival: r6(p.survival), at_risk: p.atRisk, lower: r6(p.lower), upper: r6(p.upper) })),
  };
}

export function timeInStageView(t: TimeInStage) {
  const { consultantId, industry, from, to } = t.filters;
  return { filters: { consultant_id: consultantId, industry, from, to }, stages: t.stages.map(stageView) };
}

/** GET /api/v1/portfolio/time-in-stage (managers): Kaplan–Meier time in stage, with the portfolio's filters. */
export const timeInStageEndpoint = endpoint("portfolio.read", async (req, { deps, caller, now }) => {
  const query = parseQuery(timeInStageQuery, req);
  if (query.consultant && query.consultantId && query.consultant !== query.consultantId) {
    throw new ApiError(400, "bad_request", "`consultant` and `consultantId` name different consultants.", [{ column: "consultant", message: "must match `consultantId`, or send one of the two" }]);
  }
  const today = todayFor(caller.actor, now);
  const { from, to } = periodOf(query, today);
  const result = await getTimeInStage(deps.db, caller.actor, { from, to, today, consultantId: query.consultant ?? query.consultantId ?? null, industry: query.industry ?? null });
  if (!result) throw notFound();
  return json(timeInStageView(result));
});
