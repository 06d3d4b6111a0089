import { route } from "@/lib/api/next";
import { getClientEndpoint } from "@/lib/api/handlers/clients";

export const dynamic = "force-dynamic";
export const GET = route(getClientEndpoint);
