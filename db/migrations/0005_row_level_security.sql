-- Row-level security, a second wall behind the scoping in db/queries: every tenant table
-- carries firm_id, and a request sees only the rows of the firm its transaction names with
-- set_config('app.firm_id', ..., true) (db/tenant.ts). Identity tables (users, links, tokens,
-- sessions) are also readable in an identity lookup (app.identity = 'on'), which is how a
-- sign-in, a token or a session cookie finds its user before the firm is known.
CREATE OR REPLACE FUNCTION app_firm() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.firm_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_identity() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.identity', true), '') = 'on' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION firm_from_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.firm_id := (SELECT c.firm_id FROM clients c WHERE c.id = NEW.client_id);
  IF NEW.firm_id IS NULL THEN
    RAISE EXCEPTION 'client % is not a client of this firm', NEW.client_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION firm_from_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.firm_id := (SELECT u.firm_id FROM users u WHERE u.id = NEW.user_id);
  IF NEW.firm_id IS NULL THEN
    RAISE EXCEPTION 'user % is not a user of this firm', NEW.user_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "assignments" x SET "firm_id" = p."firm_id" FROM "clients" p WHERE p."id" = x."client_id";
--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "assignments_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "assignments" FOR EACH ROW EXECUTE FUNCTION firm_from_client();
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "check_ins" x SET "firm_id" = p."firm_id" FROM "clients" p WHERE p."id" = x."client_id";
--> statement-breakpoint
ALTER TABLE "check_ins" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "check_ins" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "check_ins_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "check_ins" FOR EACH ROW EXECUTE FUNCTION firm_from_client();
--> statement-breakpoint
ALTER TABLE "stage_assessments" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "stage_assessments" x SET "firm_id" = p."firm_id" FROM "clients" p WHERE p."id" = x."client_id";
--> statement-breakpoint
ALTER TABLE "stage_assessments" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "stage_assessments" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "stage_assessments_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "stage_assessments" FOR EACH ROW EXECUTE FUNCTION firm_from_client();
--> statement-breakpoint
ALTER TABLE "stage_overrides" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "stage_overrides" x SET "firm_id" = p."firm_id" FROM "clients" p WHERE p."id" = x."client_id";
--> statement-breakpoint
ALTER TABLE "stage_overrides" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "stage_overrides" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "stage_overrides_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "stage_overrides" FOR EACH ROW EXECUTE FUNCTION firm_from_client();
--> statement-breakpoint
ALTER TABLE "self_assessments" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "self_assessments" x SET "firm_id" = p."firm_id" FROM "clients" p WHERE p."id" = x."client_id";
--> statement-breakpoint
ALTER TABLE "self_assessments" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "self_assessments" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "self_assessments_firm" BEFORE INSERT OR UPDATE OF "client_id", "firm_id" ON "self_assessments" FOR EACH ROW EXECUTE FUNCTION firm_from_client();
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "invitations" x SET "firm_id" = p."firm_id" FROM "users" p WHERE p."id" = x."user_id";
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "invitations_firm" BEFORE INSERT OR UPDATE OF "user_id", "firm_id" ON "invitations" FOR EACH ROW EXECUTE FUNCTION firm_from_user();
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "firm_id" uuid;
--> statement-breakpoint
UPDATE "api_tokens" x SET "firm_id" = p."firm_id" FROM "users" p WHERE p."id" = x."user_id";
--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "firm_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "firm_id" SET DEFAULT app_firm();
--> statement-breakpoint
CREATE TRIGGER "api_tokens_firm" BEFORE INSERT OR UPDATE OF "user_id", "firm_id" ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION firm_from_user();
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stage_assessments" ADD CONSTRAINT "stage_assessments_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "stage_overrides" ADD CONSTRAINT "stage_overrides_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stageline_app') THEN
    CREATE ROLE stageline_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created meanwhile by a migration of another database on the same server
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT stageline_app TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL; -- a superuser needs no membership to switch to the role
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO stageline_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stageline_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stageline_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_firm(), app_identity(), firm_from_client(), firm_from_user() TO stageline_app;
--> statement-breakpoint
-- The audit log is append-only for the app in its grants too, not only in its trigger.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM stageline_app;
--> statement-breakpoint
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clients_firm" ON "clients" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "assignments_firm" ON "assignments" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "check_ins" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "check_ins_firm" ON "check_ins" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "stage_assessments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stage_assessments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "stage_assessments_firm" ON "stage_assessments" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "stage_overrides" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stage_overrides" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "stage_overrides_firm" ON "stage_overrides" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "self_assessments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "self_assessments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "self_assessments_firm" ON "self_assessments" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_firm" ON "audit_log" USING ("firm_id" = app_firm()) WITH CHECK ("firm_id" = app_firm());
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "users_firm" ON "users" USING ("firm_id" = app_firm() OR app_identity()) WITH CHECK ("firm_id" = app_firm() OR app_identity());
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invitations_firm" ON "invitations" USING ("firm_id" = app_firm() OR app_identity()) WITH CHECK ("firm_id" = app_firm() OR app_identity());
--> statement-breakpoint
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "api_tokens" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "api_tokens_firm" ON "api_tokens" USING ("firm_id" = app_firm() OR app_identity()) WITH CHECK ("firm_id" = app_firm() OR app_identity());
--> statement-breakpoint
ALTER TABLE "user_sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "user_sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "user_sessions_firm" ON "user_sessions" USING ("firm_id" = app_firm() OR app_identity()) WITH CHECK ("firm_id" = app_firm() OR app_identity());
