import { route } from "@/lib/api/next";
import { appImportRunEndpoint } from "@/lib/api/handlers/transfer";

// POST /import/run (multipart: file[, consultantId]): imports all-or-nothing. The same handler as
// POST /api/v1/import, for the signed-in browser; with Accept: application/x-ndjson it streams progress.
export const dynamic = "force-dynamic";
export const POST = route(appImportRunEndpoint);
