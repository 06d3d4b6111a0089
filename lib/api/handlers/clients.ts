import { and, eq, sql } from "drizzle-orm";
import { clients } from "../../../db/schema";
import { createClient, DuplicateClientError } from "../../../db/queries/clients";
import { listClientStatus } from "../../../db/queries/client-status";
import { UUID_RE } from "../../../db/queries/scope";
import { can } from "../../auth/permissions";
import type { Db } from "../../../db";
import type { Actor } from "../../auth/permissions";
import { readJson } from "../body";
import { decodeCursor, encodeCursor, endpoint, param, parseBody, parseQuery } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { clientsQuery, newClientSchema } from "../schemas";
import { clientView } from "../views";
import { isoDay } from "../../validation/primitives";

const isNameCursor = (v: unknown): v is { n: string } => typeof v === "object" && v !== null && typeof (v as { n?: unknown }).n === "string";

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** GET /api/v1/clients: the visible clients with their current stage, by name, a page at a time. */
export const listClientsEndpoint = endpoint("clients.list", async (req, { deps, caller, now }) => {
  const query = parseQuery(clientsQuery, req);
  const after = decodeCursor(query.cursor, isNameCursor);
  const conditions = [
    query.q ? sql`lower(${clients.name}) like ${likePattern(query.q)}` : undefined,
    after ? sql`lower(${clients.name}) > ${after.n}` : undefined,
  ].filter(Boolean);
  const rows = await listClientStatus(deps.db, caller.actor, {
    today: isoDay(now),
    where: conditions.length > 0 ? and(...conditions) : undefined,
  });
  const matching = query.stage === undefined ? rows : rows.filter((r) => r.stage === query.stage);
  const page = matching.slice(0, query.limit);
  const more = matching.length > query.limit;
  return json({ data: page.map(clientView), nextCursor: more ? encodeCursor({ n: page[page.length - 1]!.name.toLowerCase() }) : null });
});

export async function clientStatusById(db: Db, actor: Actor, id: string, today: string) {
  if (!UUID_RE.test(id)) return null;
  const [row] = await listClientStatus(db, actor, { includeArchived: true, today, where: eq(clients.id, id) });
  return row ?? null;
}

/** GET /api/v1/clients/{id} */
export const getClientEndpoint = endpoint("clients.read", async (_req, ctx) => {
  const row = await clientStatusById(ctx.deps.db, ctx.caller.actor, param(ctx, "id"), isoDay(ctx.now));
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
  const row = await clientStatusById(deps.db, actor, created.id, isoDay(now));
  return json(clientView(row!), 201, { Location: `/api/v1/clients/${created.id}` });
});
