import { route } from "@/lib/api/next";
import { exportEndpoint } from "@/lib/api/handlers/transfer";

export const dynamic = "force-dynamic";
// Reads the replica when one is configured; X-Data-As-Of says how fresh (docs/scaling.md).
export const GET = route(exportEndpoint, { read: true });
