import { route } from "@/lib/api/next";
import { revokeTokenEndpoint } from "@/lib/api/handlers/tokens";

export const dynamic = "force-dynamic";
export const DELETE = route(revokeTokenEndpoint);
