CREATE TYPE "public"."advocacy" AS ENUM('none', 'some', 'active');--> statement-breakpoint
CREATE TYPE "public"."attitude" AS ENUM('dismissive', 'hesitant', 'hopeful', 'frustrated', 'comfortable', 'enthusiastic', 'evangelist');--> statement-breakpoint
CREATE TYPE "public"."promotion" AS ENUM('none', 'light', 'active');--> statement-breakpoint
CREATE TYPE "public"."replies" AS ENUM('none', 'some', 'consistent');--> statement-breakpoint
CREATE TYPE "public"."results" AS ENUM('none', 'some', 'clear');--> statement-breakpoint
CREATE TYPE "public"."rhythm" AS ENUM('none', 'sporadic', 'scheduled');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('manager', 'consultant', 'client');--> statement-breakpoint
CREATE TABLE "assignments" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"consultant_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"client_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"date" date NOT NULL,
	"consultant" text,
	"accounts" text[] DEFAULT '{}'::text[] NOT NULL,
	"accounts_since" date,
	"posts_last_30d" integer NOT NULL,
	"rhythm" "rhythm" NOT NULL,
	"automated_share" double precision DEFAULT 0 NOT NULL,
	"replies" "replies" NOT NULL,
	"promotion" "promotion" DEFAULT 'none' NOT NULL,
	"results" "results" NOT NULL,
	"tools" text[] DEFAULT '{}'::text[] NOT NULL,
	"mention_response_hours" double precision,
	"advocacy" "advocacy" DEFAULT 'none' NOT NULL,
	"attitude" "attitude",
	"followers" integer,
	"notes" text,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_posts_range" CHECK ("check_ins"."posts_last_30d" between 0 and 10000),
	CONSTRAINT "check_ins_automated_range" CHECK ("check_ins"."automated_share" between 0 and 1),
	CONSTRAINT "check_ins_response_range" CHECK ("check_ins"."mention_response_hours" is null or "check_ins"."mention_response_hours" between 0 and 720),
	CONSTRAINT "check_ins_followers_range" CHECK ("check_ins"."followers" is null or "check_ins"."followers" >= 0),
	CONSTRAINT "check_ins_notes_len" CHECK ("check_ins"."notes" is null or char_length("check_ins"."notes") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"notes" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_name_len" CHECK (char_length("clients"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "firms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"note" text,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_assessments_stage_range" CHECK ("self_assessments"."stage" between 1 and 6),
	CONSTRAINT "self_assessments_note_len" CHECK ("self_assessments"."note" is null or char_length("self_assessments"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "stage_assessments" (
	"check_in_id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"date" date NOT NULL,
	"seq" integer NOT NULL,
	"stage" smallint NOT NULL,
	"confidence" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_assessments_stage_range" CHECK ("stage_assessments"."stage" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "stage_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"reason" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"effective_date" date NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "stage_overrides_stage_range" CHECK ("stage_overrides"."stage" between 1 and 6),
	CONSTRAINT "stage_overrides_reason_len" CHECK (char_length("stage_overrides"."reason") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "role" NOT NULL,
	"client_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_client_link" CHECK (("users"."role" = 'client') = ("users"."client_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_consultant_id_users_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assessments" ADD CONSTRAINT "stage_assessments_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assessments" ADD CONSTRAINT "stage_assessments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_overrides" ADD CONSTRAINT "stage_overrides_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_overrides" ADD CONSTRAINT "stage_overrides_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_overrides" ADD CONSTRAINT "stage_overrides_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_consultant_idx" ON "assignments" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "assignments_assigned_by_idx" ON "assignments" USING btree ("assigned_by");--> statement-breakpoint
CREATE INDEX "audit_log_firm_at_idx" ON "audit_log" USING btree ("firm_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_client_idx" ON "audit_log" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "check_ins_client_date_idx" ON "check_ins" USING btree ("client_id","date");--> statement-breakpoint
CREATE INDEX "check_ins_author_idx" ON "check_ins" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "check_ins_date_idx" ON "check_ins" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_idempotency_uq" ON "check_ins" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_firm_name_uq" ON "clients" USING btree ("firm_id",lower("name"));--> statement-breakpoint
CREATE INDEX "self_assessments_client_idx" ON "self_assessments" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "self_assessments_user_idx" ON "self_assessments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stage_assessments_client_seq_idx" ON "stage_assessments" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "stage_assessments_date_idx" ON "stage_assessments" USING btree ("date");--> statement-breakpoint
CREATE INDEX "stage_overrides_client_idx" ON "stage_overrides" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "stage_overrides_author_idx" ON "stage_overrides" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "stage_overrides_withdrawn_by_idx" ON "stage_overrides" USING btree ("withdrawn_by");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_firm_idx" ON "users" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "users_client_idx" ON "users" USING btree ("client_id");