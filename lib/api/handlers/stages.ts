import { listCheckInsWithStages } from "../../../db/queries/checkins";
import { getClient } from "../../../db/queries/clients";
import { listOverrides } from "../../../db/queries/overrides";
import { endpoint, param } from "../endpoint";
import { json, notFound } from "../errors";

/** GET /api/v1/clients/{id}/stages: the `stages` command's entry for the client, plus overrides. */
export const stagesEndpoint = endpoint("checkins.read", async (_req, ctx) => {
  const { actor } = ctx.caller;
  const id = param(ctx, "id");
  const client = await getClient(ctx.deps.db, actor, id);
  if (!client) throw notFound();
  const [rows, overrides] = await Promise.all([listCheckInsWithStages(ctx.deps.db, actor, id), listOverrides(ctx.deps.db, actor, id)]);
  if (!rows || !overrides) throw notFound();
  return json({
    client: client.name,
    history: rows
      .filter((r) => r.stage !== null)
      .map((r) => ({ date: r.date, stage: Number(r.stage), confidence: Number(r.confidence), reasons: r.reasons ?? [], missing: r.missing ?? [] })),
    overrides: overrides.map((o) => ({
      id: o.id,
      stage: o.stage,
      reason: o.reason,
      internal: o.internal,
      effectiveDate: o.effectiveDate,
      createdAt: o.createdAt.toISOString(),
      withdrawnAt: o.withdrawnAt ? o.withdrawnAt.toISOString() : null,
    })),
  });
});
