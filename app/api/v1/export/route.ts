import { route } from "@/lib/api/next";
import { exportEndpoint } from "@/lib/api/handlers/transfer";

export const dynamic = "force-dynamic";
export const GET = route(exportEndpoint);
