CREATE TABLE "client_status" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid DEFAULT app_firm() NOT NULL,
	"stage" smallint,
	"confidence" real,
	"stage_since" date,
	"previous_stage" smallint,
	"last_check_in" date,
	"check_in_count" integer DEFAULT 0 NOT NULL,
	"override_stage" smallint,
	"self_stage" smallint,
	"self_date" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_spells" (
	"client_id" uuid NOT NULL,
	"firm_id" uuid DEFAULT app_firm() NOT NULL,
	"start_seq" integer NOT NULL,
	"stage" smallint NOT NULL,
	"started" date NOT NULL,
	"ended" date,
	"next_stage" smallint,
	CONSTRAINT "stage_spells_client_id_start_seq_pk" PRIMARY KEY("client_id","start_seq"),
	CONSTRAINT "stage_spells_stage_range" CHECK ("stage_spells"."stage" between 1 and 6),
	CONSTRAINT "stage_spells_next_range" CHECK ("stage_spells"."next_stage" is null or ("stage_spells"."next_stage" between 1 and 6 and "stage_spells"."next_stage" <> "stage_spells"."stage")),
	CONSTRAINT "stage_spells_order" CHECK ("stage_spells"."ended" is null or "stage_spells"."ended" >= "stage_spells"."started"),
	CONSTRAINT "stage_spells_open" CHECK (("stage_spells"."ended" is null) = ("stage_spells"."next_stage" is null))
);
--> statement-breakpoint
DROP INDEX "check_ins_date_idx";--> statement-breakpoint
DROP INDEX "stage_assessments_date_idx";--> statement-breakpoint
ALTER TABLE "client_status" ADD CONSTRAINT "client_status_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_status" ADD CONSTRAINT "client_status_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD CONSTRAINT "stage_spells_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD CONSTRAINT "stage_spells_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_status_firm_stage_idx" ON "client_status" USING btree ("firm_id","stage");--> statement-breakpoint
CREATE INDEX "stage_spells_firm_started_idx" ON "stage_spells" USING btree ("firm_id","started");--> statement-breakpoint
CREATE INDEX "stage_spells_firm_ended_idx" ON "stage_spells" USING btree ("firm_id","ended");--> statement-breakpoint
CREATE INDEX "check_ins_firm_date_idx" ON "check_ins" USING btree ("firm_id","date");--> statement-breakpoint
CREATE TRIGGER "stage_spells_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "stage_spells" FOR EACH ROW EXECUTE FUNCTION firm_from_client();--> statement-breakpoint
CREATE TRIGGER "client_status_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "client_status" FOR EACH ROW EXECUTE FUNCTION firm_from_client();--> statement-breakpoint
ALTER TABLE "stage_spells" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stage_spells" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "stage_spells_firm" ON "stage_spells" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());--> statement-breakpoint
ALTER TABLE "client_status" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_status" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "client_status_firm" ON "client_status" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());--> statement-breakpoint
-- Existing histories: the spells are the runs of equal stages in each client's assessments (by seq).
INSERT INTO "stage_spells" ("client_id", "firm_id", "start_seq", "stage", "started", "ended", "next_stage")
SELECT "client_id", "firm_id", "seq", "stage", "date", lead("date") OVER w, lead("stage") OVER w
FROM (
  SELECT "client_id", "firm_id", "seq", "stage", "date", lag("stage") OVER (PARTITION BY "client_id" ORDER BY "seq") AS prev
  FROM "stage_assessments"
) h
WHERE prev IS NULL OR prev <> "stage"
WINDOW w AS (PARTITION BY "client_id" ORDER BY "seq");--> statement-breakpoint
-- Every client's status row, by the same rules as refreshStatus in db/queries/stage-history.ts.
INSERT INTO "client_status" ("client_id", "firm_id", "stage", "confidence", "stage_since", "previous_stage", "last_check_in", "check_in_count", "override_stage", "self_stage", "self_date")
SELECT c."id", c."firm_id", la."stage", la."confidence", op."started", cl."stage", la."date", coalesce(la."seq" + 1, 0),
       (SELECT o."stage" FROM "stage_overrides" o WHERE o."client_id" = c."id" AND o."withdrawn_at" IS NULL ORDER BY o."created_at" DESC LIMIT 1),
       sa."stage", sa."date"
FROM "clients" c
LEFT JOIN LATERAL (SELECT a."stage", a."confidence", a."date", a."seq" FROM "stage_assessments" a WHERE a."client_id" = c."id" ORDER BY a."seq" DESC LIMIT 1) la ON true
LEFT JOIN LATERAL (SELECT s."started" FROM "stage_spells" s WHERE s."client_id" = c."id" AND s."ended" IS NULL) op ON true
LEFT JOIN LATERAL (SELECT s."stage" FROM "stage_spells" s WHERE s."client_id" = c."id" AND s."ended" IS NOT NULL ORDER BY s."start_seq" DESC LIMIT 1) cl ON true
LEFT JOIN LATERAL (SELECT x."stage", x."date" FROM "self_assessments" x WHERE x."client_id" = c."id" ORDER BY x."created_at" DESC LIMIT 1) sa ON true;
