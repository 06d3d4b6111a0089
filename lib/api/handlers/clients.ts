import { createClient, DuplicateClientError } from "../../../db/queries/clients";
import { getClientStatus, listClientStatusPage, type ClientKey } from "../../../db/queries/client-status";
import { UUID_RE } from "../../../db/queries/scope";
import { can } from "../../auth/permissions";
import { readJson } from "../body";
import { decodeCursor, encodeCursor, endpoint, param, parseBody, parseQuery } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { clientsQuery, newClientSchema } from "../schemas";
import { clientView } from "../views";
import { todayFor } from "../../time/zone";

/** The cursor is exactly the list's ORDER BY: (lower(name), id). */
const isClientKey = (v: unknown): v is ClientKey =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  typeof (v as { n?: unknown }).n === "string" && (v as { n: string }).n.length <= 1000 && !(v as { n: string }).n.includes("\u0000") && typeof (v as { id?: unknown }).id === "string" && UUID_RE.test((v as { id: string }).id);

/** GET /api/v1/clients: the visible clients with their current stage, by name, a page at a time. */
export const listClientsEndpoint = endpoint("clients.list", async (req, { deps, caller, now }) => {
  const query = parseQuery(clientsQuery, req);
  const after = decodeCursor(query.cursor, isClientKey);
  const { rows, next } = await listClientStatusPage(deps.db, caller.actor, { q: query.q, name: query.name, stage: query.stage, after, limit: query.limit, today: todayFor(caller.actor, now) });
  return json({ data: rows.map(clientView), nextCursor: next ? encodeCursor(next) : null });
});

/** GET /api/v1/clients/{id} */
export const getClientEndpoint = endpoint("clients.read", async (_req, ctx) => {
  const row = await getClientStatus(ctx.deps.db, ctx.caller.actor, param(ctx, "id"), todayFor(ctx.caller.actor, ctx.now));
  if (!row) throw notFound();
  return json(clientView(row));
});

/** POST /api/v1/clients */
export const createClientEndpoint = endpoint("clients.create", async (req, { deps, caller, now }) => {
  const { actor } = caller;
  if (!can(actor, "clients.create")) throw notFound();
  const input = parseBody(newClientSchema, await readJson(req));
  if (can(actor, "clients.assign-any-consultant") && !input.consultantId) {
    throw new ApiError(422, "validation_failed", "The request body is invalid.", [{ column: "consultantId", message: "required: the consultant who leads the client" }]);
  }
  let created;
  try {
    created = await createClient(deps.db, actor, { name: input.name, industry: input.industry ?? null, notes: input.notes ?? null, consultantId: input.consultantId });
  } catch (err) {
    if (err instanceof DuplicateClientError) throw new ApiError(409, "duplicate", err.message, [{ column: "name", message: err.message }]);
    throw err;
  }
  if (!created) {
    throw new ApiError(422, "validation_failed", "The request body is invalid.", [{ column: "consultantId", message: "no such consultant in your firm" }]);
  }
  const row = await getClientStatus(deps.db, actor, created.id, todayFor(actor, now));
  return json(clientView(row!), 201, { Location: `/api/v1/clients/${created.id}` });
});
