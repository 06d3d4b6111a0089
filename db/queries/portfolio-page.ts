import type { Actor } from "../../lib/auth/permissions";
import type { FirmReader } from "../tenant";
import { firstClientsPerConsultant, portfolioFilterOptions, portfolioReads, type PortfolioFilters } from "./portfolio";

/**
 * Everything the portfolio page reads, as independent reads for `run` (db/tenant.ts
 * inFirmSideBySide: side by side on PostgreSQL, in turn on PGlite), given back in two parts the
 * page draws as each arrives: `spells`, the figures drawn from the spells with the Kaplan–Meier
 * curves (the longest statement), and `head`, everything else. Null for anyone but a manager or
 * for unusable filters. `shown`: names per attention list and per consultant (the rest are one
 * link away). `serial`: the reads run in turn on one connection (PGlite); the spells are then
 * asked for after the head's reads, so the head comes first instead of last.
 */
export function portfolioPageParts(run: FirmReader, actor: Actor, filters: PortfolioFilters, shown: number, serial = false) {
  let headSettled = () => {};
  const spellsAfter = serial ? new Promise<void>((resolve) => (headSettled = resolve)) : undefined;
  const reads = portfolioReads(run, actor, { ...filters, attentionLimit: shown }, { survival: true, spellsAfter });
  if (!reads) return null;
  const options = run((db) => portfolioFilterOptions(db, actor));
  const head = reads.head.then(async (portfolio) => {
    // The lists of the consultants (and the unassigned) the per-consultant rows count clients for.
    const listed = portfolio.consultants.filter((c) => c.clients > 0).map((c) => c.consultantId);
    const firstClients = run((db) => firstClientsPerConsultant(db, actor, filters, shown, listed));
    // Both settle before the head does, failed or not: its transaction outlives every read.
    await Promise.allSettled([firstClients, options]);
    return { portfolio, firstClients: await firstClients, options: await options };
  });
  // The head's failure (perConsultant's, say) settles it while `options` may still run: both count.
  const settled = Promise.allSettled([head, options]).then(() => headSettled());
  // Each part is awaited by whoever draws it; a failure of one must not also surface unhandled here.
  options.catch(() => {});
  return { spells: reads.spells, head, settled };
}

/**
 * portfolioPageParts awaited whole: the page's reads in one answer. scripts/explain-plans.ts and
 * the round-trip test call this, so the plans on record are the page's statements.
 */
export async function portfolioPageData(run: FirmReader, actor: Actor, filters: PortfolioFilters, shown: number, serial = false) {
  const parts = portfolioPageParts(run, actor, filters, shown, serial);
  if (!parts) return { portfolio: null, survival: null, firstClients: null, options: null };
  const [spells, head] = await Promise.all([parts.spells, parts.head]);
  return { portfolio: { ...head.portfolio, ...spells }, survival: spells.survival ?? null, firstClients: head.firstClients, options: head.options };
}
