import { route } from "@/lib/api/next";
import { stagesEndpoint } from "@/lib/api/handlers/stages";

export const dynamic = "force-dynamic";
export const GET = route(stagesEndpoint);
