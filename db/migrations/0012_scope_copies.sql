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
-- A new status row or spell takes the copies from its client and the client's assignment.
CREATE OR REPLACE FUNCTION client_status_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.name, c.industry, c.archived, c.archived_on, (c.created_at AT TIME ZONE 'UTC')::date
    INTO NEW.name, NEW.industry, NEW.archived, NEW.archived_on, NEW.created_on
    FROM clients c WHERE c.id = NEW.client_id;
  NEW.consultant_id := (SELECT a.consultant_id FROM assignments a WHERE a.client_id = NEW.client_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION stage_spells_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.industry, c.archived, c.archived_on INTO NEW.industry, NEW.archived, NEW.archived_on
    FROM clients c WHERE c.id = NEW.client_id;
  NEW.consultant_id := (SELECT a.consultant_id FROM assignments a WHERE a.client_id = NEW.client_id);
  RETURN NEW;
END $$;--> statement-breakpoint
-- Every client has a status row from its first statement on (a client without check-ins has one
-- with no stage), so a query that reads client_status alone misses no client.
CREATE OR REPLACE FUNCTION clients_status_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO client_status (client_id, firm_id) VALUES (NEW.id, NEW.firm_id) ON CONFLICT (client_id) DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION clients_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE client_status SET name = NEW.name, industry = NEW.industry, archived = NEW.archived, archived_on = NEW.archived_on,
    created_on = (NEW.created_at AT TIME ZONE 'UTC')::date
    WHERE client_id = NEW.id;
  UPDATE stage_spells SET industry = NEW.industry, archived = NEW.archived, archived_on = NEW.archived_on
    WHERE client_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION assignments_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE client_status SET consultant_id = NULL WHERE client_id = OLD.client_id;
    UPDATE stage_spells SET consultant_id = NULL WHERE client_id = OLD.client_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE client_status SET consultant_id = NEW.consultant_id WHERE client_id = NEW.client_id;
    UPDATE stage_spells SET consultant_id = NEW.consultant_id WHERE client_id = NEW.client_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION client_status_copies(), stage_spells_copies(), clients_status_row(), clients_copies(), assignments_copies() TO stageline_app;--> statement-breakpoint
-- The existing rows: a status row for every client that has none, then every copy.
INSERT INTO "client_status" ("client_id", "firm_id")
SELECT c."id", c."firm_id" FROM "clients" c WHERE NOT EXISTS (SELECT 1 FROM "client_status" s WHERE s."client_id" = c."id");--> statement-breakpoint
UPDATE "client_status" s SET "name" = c."name", "industry" = c."industry", "archived" = c."archived", "archived_on" = c."archived_on",
  "created_on" = (c."created_at" AT TIME ZONE 'UTC')::date, "consultant_id" = a."consultant_id"
FROM "clients" c LEFT JOIN "assignments" a ON a."client_id" = c."id" WHERE c."id" = s."client_id";--> statement-breakpoint
UPDATE "stage_spells" s SET "industry" = c."industry", "archived" = c."archived", "archived_on" = c."archived_on", "consultant_id" = a."consultant_id"
FROM "clients" c LEFT JOIN "assignments" a ON a."client_id" = c."id" WHERE c."id" = s."client_id";--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "client_status" ALTER COLUMN "created_on" SET NOT NULL;--> statement-breakpoint
CREATE TRIGGER "client_status_copies" BEFORE INSERT ON "client_status" FOR EACH ROW EXECUTE FUNCTION client_status_copies();--> statement-breakpoint
CREATE TRIGGER "stage_spells_copies" BEFORE INSERT ON "stage_spells" FOR EACH ROW EXECUTE FUNCTION stage_spells_copies();--> statement-breakpoint
CREATE TRIGGER "clients_status_row" AFTER INSERT ON "clients" FOR EACH ROW EXECUTE FUNCTION clients_status_row();--> statement-breakpoint
CREATE TRIGGER "clients_copies" AFTER UPDATE OF "name", "industry", "archived", "archived_on", "created_at" ON "clients" FOR EACH ROW
  WHEN ((OLD."name", OLD."industry", OLD."archived", OLD."archived_on", OLD."created_at") IS DISTINCT FROM (NEW."name", NEW."industry", NEW."archived", NEW."archived_on", NEW."created_at"))
  EXECUTE FUNCTION clients_copies();--> statement-breakpoint
CREATE TRIGGER "assignments_copies" AFTER INSERT OR DELETE OR UPDATE OF "client_id", "consultant_id" ON "assignments" FOR EACH ROW EXECUTE FUNCTION assignments_copies();--> statement-breakpoint
ANALYZE "client_status";--> statement-breakpoint
ANALYZE "stage_spells";
