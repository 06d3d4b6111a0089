-- Copies of what the portfolio groups and filters by (a client's name, industry, archive and
-- creation date, and its lead consultant) on client_status and stage_spells, so those statements
-- read one table instead of joining the firm's clients and assignments on every view. The home of
-- each value stays clients and assignments: the triggers below rewrite the copies in the same
-- statement as any change there, and fill them on every new row. db/queries/consistency.ts checks
-- that they agree.
ALTER TABLE "client_status" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "name_key" text GENERATED ALWAYS AS (lower(name)) STORED;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "archived_on" date;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "created_on" date;--> statement-breakpoint
ALTER TABLE "client_status" ADD COLUMN "consultant_id" uuid;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD COLUMN "archived_on" date;--> statement-breakpoint
ALTER TABLE "stage_spells" ADD COLUMN "consultant_id" uuid;--> statement-breakpoint
-- The one definition of the copies: brings these clients' status rows (inserting any that is
-- missing) and spells in step with their clients and assignments. The triggers below call it for
-- the one client they touch; the backfill below and bench:seed (which loads with triggers off)
-- call it for many.
CREATE OR REPLACE FUNCTION copy_client_scope(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO client_status (client_id, firm_id, name, industry, archived, archived_on, created_on, consultant_id)
  SELECT c.id, c.firm_id, c.name, c.industry, c.archived, c.archived_on, (c.created_at AT TIME ZONE 'UTC')::date, a.consultant_id
  FROM clients c LEFT JOIN assignments a ON a.client_id = c.id WHERE c.id = ANY(ids)
  ON CONFLICT (client_id) DO UPDATE SET name = excluded.name, industry = excluded.industry, archived = excluded.archived,
    archived_on = excluded.archived_on, created_on = excluded.created_on, consultant_id = excluded.consultant_id;
  UPDATE stage_spells s SET industry = c.industry, archived = c.archived, archived_on = c.archived_on, consultant_id = a.consultant_id
  FROM clients c LEFT JOIN assignments a ON a.client_id = c.id
  WHERE c.id = s.client_id AND s.client_id = ANY(ids);
$$;--> statement-breakpoint
-- A new spell (the writers insert them) takes the copies from its client and the client's
-- assignment. Status rows need no such trigger: copy_client_scope inserts them, with the copies,
-- and the writers only update them (refreshStatus).
CREATE OR REPLACE FUNCTION stage_spells_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.industry, c.archived, c.archived_on INTO NEW.industry, NEW.archived, NEW.archived_on
    FROM clients c WHERE c.id = NEW.client_id;
  NEW.consultant_id := (SELECT a.consultant_id FROM assignments a WHERE a.client_id = NEW.client_id);
  RETURN NEW;
END $$;--> statement-breakpoint
-- A new client gets its status row (with no stage) at once, so a query that reads client_status
-- alone misses no client; a changed client or assignment rewrites the copies.
CREATE OR REPLACE FUNCTION clients_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM copy_client_scope(ARRAY[NEW.id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION assignments_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM copy_client_scope(ARRAY[OLD.client_id]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM copy_client_scope(ARRAY[NEW.client_id]); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION copy_client_scope(uuid[]), stage_spells_copies(), clients_copies(), assignments_copies() TO stageline_app;--> statement-breakpoint
-- The existing rows.
SELECT copy_client_scope(ARRAY(SELECT id FROM clients));--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "created_on" SET NOT NULL;--> statement-breakpoint
CREATE TRIGGER "stage_spells_copies" BEFORE INSERT ON "stage_spells" FOR EACH ROW EXECUTE FUNCTION stage_spells_copies();--> statement-breakpoint
CREATE TRIGGER "clients_status_row" AFTER INSERT ON "clients" FOR EACH ROW EXECUTE FUNCTION clients_copies();--> statement-breakpoint
CREATE TRIGGER "clients_copies" AFTER UPDATE OF "name", "industry", "archived", "archived_on", "created_at" ON "clients" FOR EACH ROW
  WHEN ((OLD."name", OLD."industry", OLD."archived", OLD."archived_on", OLD."created_at") IS DISTINCT FROM (NEW."name", NEW."industry", NEW."archived", NEW."archived_on", NEW."created_at"))
  EXECUTE FUNCTION clients_copies();--> statement-breakpoint
CREATE TRIGGER "assignments_copies" AFTER INSERT OR DELETE OR UPDATE OF "client_id", "consultant_id" ON "assignments" FOR EACH ROW EXECUTE FUNCTION assignments_copies();--> statement-breakpoint
ANALYZE "client_status";--> statement-breakpoint
ANALYZE "stage_spells";
