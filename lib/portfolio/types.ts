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
