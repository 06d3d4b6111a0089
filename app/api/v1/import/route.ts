import { route } from "@/lib/api/next";
import { importEndpoint } from "@/lib/api/handlers/transfer";

export const dynamic = "force-dynamic";
export const POST = route(importEndpoint);
