import type { Actor } from "../../lib/auth/permissions";
import type { FirmReader } from "../tenant";
import { getTimeInStage } from "./insight/time-in-stage";
import { firstClientsPerConsultant, getPortfolio, portfolioFilterOptions, type PortfolioFilters } from "./portfolio";

/**
 * Everything the portfolio page reads, as independent reads for `run` (db/tenant.ts
 * inFirmSideBySide: side by side on PostgreSQL, in turn on PGlite). The page and
 * scripts/explain-plans.ts both call this, so the plans on record are the page's statements.
 * `shown`: names per attention list and per consultant (the rest are one link away).
 */
export async function portfolioPageData(run: FirmReader, actor: Actor, filters: PortfolioFilters, shown: number) {
  const [portfolio, survival, firstClients, options] = await Promise.all([
    getPortfolio(run, actor, { ...filters, attentionLimit: shown }),
    run((db) => getTimeInStage(db, actor, filters)),
    run((db) => firstClientsPerConsultant(db, actor, filters, shown)),
    run((db) => portfolioFilterOptions(db, actor)),
  ]);
  return { portfolio, survival, firstClients, options };
}
