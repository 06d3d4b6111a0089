import { route } from "@/lib/api/next";
import { appExportEndpoint } from "@/lib/api/handlers/transfer";

// GET /export?format=csv|json[&client=ID]: the visible check-ins as a file. The same handler as
// GET /api/v1/export, for the signed-in browser; it reads the replica when one is configured.
export const dynamic = "force-dynamic";
export const GET = route(appExportEndpoint, { read: true });
