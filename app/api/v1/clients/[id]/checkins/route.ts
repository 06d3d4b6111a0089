import { route } from "@/lib/api/next";
import { createCheckInEndpoint, listCheckInsEndpoint } from "@/lib/api/handlers/checkins";

export const dynamic = "force-dynamic";
export const GET = route(listCheckInsEndpoint);
export const POST = route(createCheckInEndpoint);
