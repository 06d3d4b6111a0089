import { getClientOutlook } from "../../../db/queries/insight/outlook";
import { endpoint, param } from "../endpoint";
import { json, notFound } from "../errors";
import { todayFor } from "../../time/zone";

/**
 * GET /api/v1/clients/{id}/outlook: how stays like the client's current one went on, for the
 * client's consultant and the firm's managers (client users get the same 404 as a stranger).
 * "Today" is the caller's local date, as on the client page.
 */
export const outlookEndpoint = endpoint("clients.list", async (_req, ctx) => {
  const { actor } = ctx.caller;
  const o = await getClientOutlook(ctx.deps.db, actor, param(ctx, "id"), todayFor(actor, ctx.now));
  if (!o) throw notFound();
  return json({
    stage: o.stage,
    days_in_stage: o.daysInStage,
    unavailable: o.unavailable,
    source: o.source,
    comparable: o.comparable,
    moved_on_within_90_days: o.movedOnWithin90,
    typical_remaining_days: o.typicalRemainingDays,
    follow_up_days: o.followUpDays,
    overdue: o.overdue,
  });
});
