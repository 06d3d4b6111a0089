// Shapes of the portfolio's numbers that both the queries (db/queries/portfolio.ts) and the
// charts (components/charts/portfolio) speak; here because components import nothing from db/.

export interface TimeInStageRow {
  stage: number;
  /** Completed spells (the client later moved on) that ended within the range. */
  spells: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/**
 * Names the portfolio page shows per attention list and per consultant; the rest are one link
 * away, on the client list. Ten fill an attention list's scroll box. With 25 the page was 410 KB
 * at 10,000 clients, half of it these names, which a phone downloads and the server renders on
 * every visit (docs/performance.md). scripts/explain-plans.ts reads the page's statements with it.
 */
export const PORTFOLIO_NAMES_SHOWN = 10;
