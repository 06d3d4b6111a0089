import { route } from "@/lib/api/next";
import { deleteCheckInEndpoint, updateCheckInEndpoint } from "@/lib/api/handlers/checkins";

export const dynamic = "force-dynamic";
export const PATCH = route(updateCheckInEndpoint);
export const DELETE = route(deleteCheckInEndpoint);
