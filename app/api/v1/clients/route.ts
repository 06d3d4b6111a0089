import { route } from "@/lib/api/next";
import { createClientEndpoint, listClientsEndpoint } from "@/lib/api/handlers/clients";

export const dynamic = "force-dynamic";
export const GET = route(listClientsEndpoint);
export const POST = route(createClientEndpoint);
