import { route } from "@/lib/api/next";
import { createTokenEndpoint } from "@/lib/api/handlers/tokens";

export const dynamic = "force-dynamic";
export const POST = route(createTokenEndpoint);
