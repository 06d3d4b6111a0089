import { createToken, revokeToken } from "../../../db/queries/tokens";
import { readJson } from "../body";
import { endpoint, param, parseBody } from "../endpoint";
import { json, notFound } from "../errors";
import { newTokenSchema } from "../schemas";
import { tokenView } from "../views";

/** POST /api/v1/tokens (browser session only: a token cannot mint tokens). */
export const createTokenEndpoint = endpoint(
  "tokens.manage",
  async (req, { deps, caller, now }) => {
    const input = parseBody(newTokenSchema, await readJson(req));
    const { token, info } = await createToken(deps.db, caller.actor, input, now);
    return json({ ...tokenView(info), token }, 201);
  },
  { sessionOnly: true },
);

/** DELETE /api/v1/tokens/{id}: the owner's session or any of the owner's tokens may revoke. */
export const revokeTokenEndpoint = endpoint("tokens.manage", async (_req, ctx) => {
  const row = await revokeToken(ctx.deps.db, ctx.caller.actor, param(ctx, "id"), ctx.now);
  if (!row) throw notFound();
  return json(tokenView(row));
});
