import { route } from "@/lib/api/next";
import { appImportPreviewEndpoint } from "@/lib/api/handlers/transfer";

// POST /import/preview (multipart: file[, consultantId]): what importing the file would do; writes nothing.
// The same handler as POST /api/v1/import?dryRun=1, for the signed-in browser.
export const dynamic = "force-dynamic";
export const POST = route(appImportPreviewEndpoint);
