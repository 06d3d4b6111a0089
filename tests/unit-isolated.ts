/**
 * Unit test files that mock modules (vi.mock), spy on shared objects (vi.spyOn) or change
 * process.env. The other unit files share one module graph per worker (vitest.config.ts,
 * isolate: false); these each get their own, so what they replace cannot leak into another
 * file. scripts/lint-boundaries.test.ts fails for a unit file that does any of this and is
 * not listed here.
 */
export const UNIT_ISOLATED = [
  "lib/auth/action.test.ts",
  "lib/env.test.ts",
  "lib/health.test.ts",
  "lib/http/same-origin.test.ts",
  "components/insight/CohortTable.test.ts",
  "components/insight/Rules.test.ts",
  "components/charts/charts.test.ts",
  "components/charts/portfolio/SurvivalChart.test.ts",
];
