CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"firm_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "purpose" text DEFAULT 'invite' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_purpose" CHECK ("invitations"."purpose" in ('invite', 'reset'));--> statement-breakpoint
-- Invited users are now active from the start (they cannot sign in before they set a password),
-- so that accepting an invitation never has to switch a user on. Pending invitees of older
-- versions were inactive: switch on those a manager never deactivated.
UPDATE "users" SET "active" = true
WHERE "password_hash" IS NULL AND "active" = false
  AND EXISTS (SELECT 1 FROM "invitations" i WHERE i."user_id" = "users"."id" AND i."used_at" IS NULL)
  AND NOT EXISTS (SELECT 1 FROM "audit_log" a WHERE a."entity_id" = "users"."id"::text AND a."action" = 'user.deactivate');
--> statement-breakpoint
-- A deactivated user's open links stop working.
UPDATE "invitations" SET "revoked_at" = now()
WHERE "used_at" IS NULL AND "user_id" IN (SELECT "id" FROM "users" WHERE "active" = false);
