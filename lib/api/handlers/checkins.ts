import { createCheckIn, deleteCheckIn, StaleVersionError, updateCheckIn, fieldsOf, type CheckInWriteResult } from "../../../db/queries/checkins";
import { getCheckInWithStage, isCheckInKey, listCheckInAssessmentsPage } from "../../../db/queries/checkin-assessments";
import { checkInSchemasAt, toJsonObject } from "../../checkin-format";
import { can } from "../../auth/permissions";
import { readJson } from "../body";
import { decodeCursor, encodeCursor, endpoint, param, parseBody, parseQuery, type HandlerContext } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { pageQuery } from "../schemas";
import { checkInView } from "../views";
import { todayFor } from "../../time/zone";

/** GET /api/v1/clients/{id}/checkins: in the engine's order (oldest first), each with the stage inferred as of it. */
export const listCheckInsEndpoint = endpoint("checkins.read", async (req, ctx) => {
  const query = parseQuery(pageQuery, req);
  const after = decodeCursor(query.cursor, isCheckInKey);
  const page = await listCheckInAssessmentsPage(ctx.deps.db, ctx.caller.actor, param(ctx, "id"), { after, limit: query.limit });
  if (!page) throw notFound();
  return json({
    data: page.rows.map((r) => checkInView(r, ctx.caller.actor)),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  });
});

function idempotencyKey(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new ApiError(400, "bad_request", "Invalid Idempotency-Key: 1-200 visible ASCII characters.", [{ column: "Idempotency-Key", message: "1-200 visible ASCII characters" }]);
  }
  return key;
}

/** The check-in as the API shows it: with the assessment its write stored, or read back (a replayed create wrote nothing). */
async function withAssessment(ctx: HandlerContext, result: CheckInWriteResult) {
  if (result.assessment) return checkInView({ ...result.checkIn, ...result.assessment }, ctx.caller.actor);
  const row = await getCheckInWithStage(ctx.deps.db, ctx.caller.actor, result.checkIn.id);
  if (!row) throw notFound();
  return checkInView(row, ctx.caller.actor);
}

/** POST /api/v1/clients/{id}/checkins: one record of the interchange format without `client`. */
export const createCheckInEndpoint = endpoint("checkins.write", async (req, ctx) => {
  const { actor } = ctx.caller;
  const clientId = param(ctx, "id");
  if (!can(actor, "checkins.write")) throw notFound();
  // createCheckIn locks the client only if the caller may write to it, and answers null (a 404)
  // otherwise: no lookup of its own first (a round trip on every check-in). So a body that is not
  // a valid check-in is a 422 even for a client the caller cannot see, which says nothing about it.
  const key = idempotencyKey(req);
  const fields = parseBody(checkInSchemasAt(todayFor(ctx.caller.actor, ctx.now)).fields, await readJson(req));
  const result = await createCheckIn(ctx.deps.db, actor, clientId, fields, { idempotencyKey: key });
  if (!result) throw notFound();
  const body = { checkIn: await withAssessment(ctx, result), stageBefore: result.stageBefore, stageAfter: result.stageAfter };
  return json(body, 201, {
    Location: `/api/v1/checkins/${result.checkIn.id}`,
    ETag: `"${result.checkIn.version}"`,
    ...(result.duplicate ? { "Idempotency-Replayed": "true" } : {}),
  });
});

/** The version in If-Match ("3", W/"3" or 3); required, since a blind overwrite is what it prevents. */
function ifMatch(req: Request): number {
  const raw = req.headers.get("if-match");
  if (raw === null) {
    throw new ApiError(400, "missing_if_match", "Send If-Match with the check-in's version (from its `version` or ETag).", [{ column: "If-Match", message: "required" }]);
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw new ApiError(400, "bad_request", `Invalid If-Match ${JSON.stringify(raw.slice(0, 40))}: expected the version number.`, [{ column: "If-Match", message: "expected the version number" }]);
  return Number(m[1]);
}

function stale(err: StaleVersionError): ApiError {
  return new ApiError(409, "stale_version", `The check-in was changed since version you sent; it is now at version ${err.current.version}.`, [
    { column: "If-Match", message: `current version is ${err.current.version}` },
  ]);
}

/** PATCH /api/v1/checkins/{id}: the given fields change, the rest keep their stored values. */
export const updateCheckInEndpoint = endpoint("checkins.write", async (req, ctx) => {
  const { actor } = ctx.caller;
  const id = param(ctx, "id");
  if (!can(actor, "checkins.write")) throw notFound();
  const current = await getCheckInWithStage(ctx.deps.db, actor, id);
  if (!current) throw notFound();
  const version = ifMatch(req);
  const patch = await readJson(req);
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new ApiError(422, "validation_failed", "Expected a JSON object with the fields to change.");
  }
  const { client: _c, ...stored } = toJsonObject({ client: "", ...fieldsOf(current) });
  const fields = parseBody(checkInSchemasAt(todayFor(ctx.caller.actor, ctx.now)).fields, { ...stored, ...patch });
  let result;
  try {
    result = await updateCheckIn(ctx.deps.db, actor, id, version, fields);
  } catch (err) {
    if (err instanceof StaleVersionError) throw stale(err);
    throw err;
  }
  if (!result) throw notFound();
  const body = { checkIn: await withAssessment(ctx, result), stageBefore: result.stageBefore, stageAfter: result.stageAfter };
  return json(body, 200, { ETag: `"${result.checkIn.version}"` });
});

/** DELETE /api/v1/checkins/{id} */
export const deleteCheckInEndpoint = endpoint("checkins.write", async (req, ctx) => {
  const { actor } = ctx.caller;
  const id = param(ctx, "id");
  if (!can(actor, "checkins.write") || !(await getCheckInWithStage(ctx.deps.db, actor, id))) throw notFound();
  const version = ifMatch(req);
  let result;
  try {
    result = await deleteCheckIn(ctx.deps.db, actor, id, version);
  } catch (err) {
    if (err instanceof StaleVersionError) throw stale(err);
    throw err;
  }
  if (!result) throw notFound();
  return json({ deleted: true, ...result });
});
