// Import and export in the interchange format: the same parser, the same all-or-nothing
// import and the same export query as the UI.
import { exportCheckIns } from "../../../db/queries/export";
import { importErrorAsFormatError, ImportForbiddenError, runImport } from "../../../db/queries/import";
import { parseCsv, parseJson, serializeCsv, serializeJson } from "../../checkin-format";
import { readText, requireMedia } from "../body";
import { endpoint, formatErrorDetails, parseQuery } from "../endpoint";
import { ApiError, json, notFound } from "../errors";
import { exportQuery, importQuery } from "../schemas";

/** POST /api/v1/import: CSV (text/csv) or a JSON array; nothing is written unless every record is good. */
export const importEndpoint = endpoint(async (req, { deps, caller, now }) => {
  const query = parseQuery(importQuery, req);
  const kind = requireMedia(req, ["csv", "json"]);
  const text = await readText(req);
  const parsed = kind === "csv" ? parseCsv(text, now) : parseJson(text, now);
  if (!parsed.ok) {
    throw new ApiError(422, "validation_failed", `The file has ${parsed.errors.length} problem(s); nothing was imported.`, formatErrorDetails(parsed.errors));
  }
  let result;
  try {
    result = await runImport(deps.db, caller.actor, parsed.records, { consultantId: query.consultantId });
  } catch (err) {
    if (err instanceof ImportForbiddenError) throw notFound();
    throw err;
  }
  if (!result.ok) {
    // Import errors name the record by index; CSV callers get the file line as well.
    const errors = result.errors.map(importErrorAsFormatError);
    throw new ApiError(422, "validation_failed", `The file has ${errors.length} problem(s); nothing was imported.`, formatErrorDetails(errors));
  }
  return json({ createdClients: result.createdClients, createdCheckIns: result.createdCheckIns, skippedDuplicates: result.skippedDuplicates });
});

/** GET /api/v1/export?format=csv|json[&client=id] */
export const exportEndpoint = endpoint(async (req, { deps, caller, now }) => {
  const query = parseQuery(exportQuery, req);
  const records = await exportCheckIns(deps.db, caller.actor, { clientId: query.client });
  if (!records) throw notFound();
  const name = `stageline-checkins-${now.toISOString().slice(0, 10)}.${query.format}`;
  const body = query.format === "csv" ? serializeCsv(records) : serializeJson(records);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
});
