import type { Actor } from "../../lib/auth/permissions";
import type { FirmReader } from "../tenant";
import { firstClientsPerConsultant, getPortfolio, portfolioFilterOptions, type PortfolioFilters } from "./portfolio";

/**
 * Everything the portfolio page reads, as independent reads for `run` (db/tenant.ts
 * inFirmSideBySide: side by side on PostgreSQL, in turn on PGlite). The page and
 * scripts/explain-plans.ts both call this, so the plans on record are the page's statements.
 * `shown`: names per attention list and per consultant (the rest are one link away).
 */
export async function portfolioPageData(run: FirmReader, actor: Actor, filters: PortfolioFilters, shown: number) {
  // The Kaplan–Meier curves come from the portfolio's own pass over the spells.
  const counted = getPortfolio(run, actor, { ...filters, attentionLimit: shown }, { survival: true });
  const [portfolio, firstClients, options] = await Promise.all([
    counted,
    // The lists of the consultants (and the unassigned) the per-consultant rows count clients for.
    counted.then((p) => p && run((db) => firstClientsPerConsultant(db, actor, filters, shown, p.consultants.filter((c) => c.clients > 0).map((c) => c.consultantId)))),
    run((db) => portfolioFilterOptions(db, actor)),
  ]);
  return { portfolio, survival: portfolio?.survival ?? null, firstClients, options };
}
