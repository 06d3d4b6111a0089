import { route } from "@/lib/api/next";
import { portfolioEndpoint } from "@/lib/api/handlers/portfolio";

export const dynamic = "force-dynamic";
export const GET = route(portfolioEndpoint);
