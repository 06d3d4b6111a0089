-- A consultant's assignments all belong to one firm, but the planner multiplies the two
-- conditions' selectivities as if they were independent. For a 1,000-client firm beside a
-- 10,000-client one it then expected 18 of a consultant's 334 assignments and chose a row-by-row
-- plan for the API's client list (4.2 ms; 2.7 ms with these statistics, docs/performance.md).
-- Functional-dependency statistics tell it that consultant_id decides firm_id.
CREATE STATISTICS IF NOT EXISTS "assignments_consultant_firm_stats" (dependencies) ON "consultant_id", "firm_id" FROM "assignments";--> statement-breakpoint
ANALYZE "assignments";
