import { route } from "@/lib/api/next";
import { outlookEndpoint } from "@/lib/api/handlers/insight-outlook";

export const dynamic = "force-dynamic";
export const GET = route(outlookEndpoint);
