CREATE TABLE "firm_rule_sets" (
	"firm_id" uuid DEFAULT app_firm() NOT NULL,
	"version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_rule_sets_firm_id_version_pk" PRIMARY KEY("firm_id","version"),
	CONSTRAINT "firm_rule_sets_version" CHECK ("firm_rule_sets"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "rule_recomputes" (
	"firm_id" uuid DEFAULT app_firm() NOT NULL,
	"version" integer NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "rule_recomputes_firm_id_version_pk" PRIMARY KEY("firm_id","version")
);
--> statement-breakpoint
DROP INDEX "check_ins_firm_date_idx";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "archived_on" date;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "rule_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_assessments" ADD COLUMN "rule_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "firm_rule_sets" ADD CONSTRAINT "firm_rule_sets_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_rule_sets" ADD CONSTRAINT "firm_rule_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_recomputes" ADD CONSTRAINT "rule_recomputes_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_firm_date_idx" ON "check_ins" USING btree ("firm_id","date","client_id");--> statement-breakpoint
ALTER TABLE "firm_rule_sets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "firm_rule_sets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "firm_rule_sets_firm" ON "firm_rule_sets" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());--> statement-breakpoint
ALTER TABLE "rule_recomputes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rule_recomputes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "rule_recomputes_firm" ON "rule_recomputes" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());--> statement-breakpoint
-- Clients archived before this migration: their last change is the best date there is.
UPDATE "clients" SET "archived_on" = "updated_at"::date WHERE "archived" AND "archived_on" IS NULL;--> statement-breakpoint
-- The outlook's fallback (#13): how long stays in each stage last across all firms, as anonymous
-- aggregates only (stage, length in days, how many ended then, how many were still open then).
-- It runs as its owner (the migration role, which row-level security does not restrict), so the
-- app can read these counts without reading any other firm's rows. An open spell counts as
-- censored at `as_of`, or at its client's archive date if earlier.
CREATE OR REPLACE FUNCTION stage_spell_norms(as_of date)
RETURNS TABLE (stage smallint, days integer, events bigint, censored bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.stage,
         (CASE WHEN s.ended IS NOT NULL AND s.ended <= least(as_of, coalesce(c.archived_on, as_of)) THEN s.ended
               ELSE least(as_of, coalesce(c.archived_on, as_of)) END - s.started)::integer AS days,
         count(*) FILTER (WHERE s.ended IS NOT NULL AND s.ended <= least(as_of, coalesce(c.archived_on, as_of))) AS events,
         count(*) FILTER (WHERE NOT (s.ended IS NOT NULL AND s.ended <= least(as_of, coalesce(c.archived_on, as_of)))) AS censored
  FROM stage_spells s JOIN clients c ON c.id = s.client_id
  WHERE s.started <= least(as_of, coalesce(c.archived_on, as_of))
  GROUP BY 1, 2
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION stage_spell_norms(date) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION stage_spell_norms(date) TO stageline_app;
--> statement-breakpoint
-- JIT compilation costs PostgreSQL 0.5–0.7 s per statement whose estimated cost passes
-- jit_above_cost, which the portfolio's statements do at 10,000 clients, while they run in
-- about 100 ms without it (docs/performance.md). For this application's short statements JIT never
-- pays back, so it is off for every session on this database (a setting of the database, so it
-- holds through PgBouncer, whatever role logs in). Builds without JIT (PGlite) ignore it.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'jit left as it is: %', SQLERRM;
END
$$;
