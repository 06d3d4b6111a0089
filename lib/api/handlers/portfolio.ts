import { MAX_RANGE_YEARS, rangeProblem } from "../../portfolio/range";
import { getPortfolio } from "../../../db/queries/portfolio";
import { endpoint, parseQuery } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { portfolioQuery } from "../schemas";
import { isoDay } from "../../validation/primitives";
import { todayFor } from "../../time/zone";

function yearBefore(day: string): string {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return isoDay(d);
}

/** The period of a portfolio request: `to` defaults to the caller's today, `from` to a year before `to`; a bad pair is a 400. Shared with the time-in-stage endpoint. */
export function periodOf(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? yearBefore(to);
  const problem = rangeProblem(from, to);
  if (problem === "order") throw new ApiError(400, "bad_request", "`from` is after `to`.", [{ column: "from", message: "must not be after `to`" }]);
  if (problem === "too-long") {
    throw new ApiError(400, "bad_request", `The period is longer than ${MAX_RANGE_YEARS} years.`, [{ column: "from", message: `must be at most ${MAX_RANGE_YEARS} years before \`to\`` }]);
  }
  return { from, to };
}

/** GET /api/v1/portfolio (managers): the numbers behind the portfolio charts. */
export const portfolioEndpoint = endpoint("portfolio.read", async (req, { deps, caller, now }) => {
  const query = parseQuery(portfolioQuery, req);
  const today = todayFor(caller.actor, now);
  const { from, to } = periodOf(query, today);
  const portfolio = await getPortfolio(deps.db, caller.actor, { from, to, today, consultantId: query.consultantId ?? null, industry: query.industry ?? null });
  if (!portfolio) throw notFound();
  return json(portfolio);
});
