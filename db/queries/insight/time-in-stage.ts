import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../index";
import { can, type Actor } from "../../../lib/auth/permissions";
import { normalise, type PortfolioFilters } from "../portfolio";
import { copiesScope } from "../scope";
import { SURVIVAL_COUNTS, survivalCtes, survivalOf, type SurvivalCountsRow, type TimeInStage } from "./survival-sql";

export { RISK_DAYS, STAGES, type StageSurvival, type TimeInStage } from "./survival-sql";

// Time in stage as survival curves (#13): per stage, the Kaplan–Meier estimate of how long stays
// last, over every stored spell of the visible clients that was open at any time in the range.
// - A spell's length counts from its own start, even one before `from`.
// - It ends (an event) on the date of the next stage's first assessment, in either direction.
// - It is censored at the range end, or at its client's archive date when earlier: archived
//   clients are in (the other portfolio figures leave them out), observed until they left.
//   A spell that starts after that date is dropped, and so is one whose observed part ends
//   before `from` (a client archived before the range was never in it).
// The SQL returns, per stage, the counts per length (ended, censored, moved up): a few thousand
// lengths for a firm of 10,000 clients; the estimate is computed here from those counts.

/** Per stage, the Kaplan–Meier estimate of time in stage; null for anyone but a manager, or for unusable filters. */
export async function getTimeInStage(db: Db | Tx, actor: Actor, filters: PortfolioFilters): Promise<TimeInStage | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normalise(filters);
  if (!f) return null;
  // The spells carry their client's scope and archive (copies, migration 0012): no join.
  // "ended >= from" is implied by km_spells' range test; said here so the firm-and-end index can
  // skip the spells that ended before the range (about half of them at the default range).
  const source = sql`(select * from stage_spells s
    where ${copiesScope(actor, "s", f, true)} and s.started <= ${f.to}::date and (s.ended is null or s.ended >= ${f.from}::date)) s`;
  const rows = await queryRows<SurvivalCountsRow>(db, sql`with ${survivalCtes(f, source)} ${SURVIVAL_COUNTS}`);
  return survivalOf(f, rows);
}
