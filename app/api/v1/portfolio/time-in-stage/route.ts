import { route } from "@/lib/api/next";
import { timeInStageEndpoint } from "@/lib/api/handlers/insight-survival";

export const dynamic = "force-dynamic";
// Reads the replica when one is configured, like the portfolio: seconds behind is acceptable (docs/scaling.md).
export const GET = route(timeInStageEndpoint, { read: true });
