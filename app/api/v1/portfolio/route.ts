import { route } from "@/lib/api/next";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";

export const dynamic = "force-dynamic";
// Reads the replica when one is configured: a portfolio seconds behind is acceptable (docs/scaling.md).
export const GET = route(portfolioEndpoint, { read: true });
