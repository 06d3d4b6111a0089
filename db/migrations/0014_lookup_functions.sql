-- Lookups that every signed-in request or every write makes, as functions (migration 0013 says why
-- functions): the two identity lookups, and the rule version a writer computes with.
--
-- The identity lookups, an API token's and a session cookie's: one statement each, where an identity lookup of its own took four (begin,
-- set_config('app.identity'), the lookup, commit), and a plan kept for the connection, as in
-- migration 0013. Sending a statement costs the server more than running these (a profile of 50
-- writers put a fifth of the server's time into writing statements to PostgreSQL's socket).
--
-- Each turns on identity mode (migration 0005: users, links, tokens and sessions of any firm are
-- readable) for its own lookup only, and puts the setting back as it found it: called on its
-- own it is a transaction of its own, and called inside a transaction it leaves that transaction
-- as it was. Nothing is written here; db/queries/tokens.ts and sessions.ts touch last_used_at and
-- last_seen_at, at most once a minute, in a transaction of their own.
--
-- Times come as milliseconds since 1970 (float8), which JavaScript reads exactly, whatever the
-- driver does with timestamps.

CREATE OR REPLACE FUNCTION token_identity(hash text)
RETURNS TABLE (token_id uuid, expires_ms float8, revoked boolean, last_used_ms float8, user_id uuid, firm_id uuid, role text,
               client_id uuid, email text, name text, active boolean, locale text, time_zone text, firm_time_zone text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  outer_identity text := current_setting('app.identity', true);
BEGIN
  PERFORM set_config('app.identity', 'on', true);
  RETURN QUERY
  SELECT t.id, (extract(epoch FROM t.expires_at) * 1000)::float8, t.revoked_at IS NOT NULL, (extract(epoch FROM t.last_used_at) * 1000)::float8,
         u.id, u.firm_id, u.role::text, u.client_id, u.email, u.name, u.active, u.locale, u.time_zone, f.time_zone
  FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN firms f ON f.id = u.firm_id
  WHERE t.token_hash = hash
  LIMIT 1;
  PERFORM set_config('app.identity', coalesce(outer_identity, ''), true);
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION session_identity(sid uuid, uid uuid)
RETURNS TABLE (created_ms float8, last_seen_ms float8, ended boolean, user_id uuid, firm_id uuid, role text, client_id uuid, email text,
               name text, active boolean, session_version integer, locale text, time_zone text, firm_time_zone text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  outer_identity text := current_setting('app.identity', true);
BEGIN
  PERFORM set_config('app.identity', 'on', true);
  RETURN QUERY
  SELECT (extract(epoch FROM s.created_at) * 1000)::float8, (extract(epoch FROM s.last_seen_at) * 1000)::float8, s.ended_at IS NOT NULL,
         u.id, u.firm_id, u.role::text, u.client_id, u.email, u.name, u.active, u.session_version, u.locale, u.time_zone, f.time_zone
  FROM user_sessions s JOIN users u ON u.id = s.user_id JOIN firms f ON f.id = u.firm_id
  WHERE s.id = sid AND s.user_id = uid
  LIMIT 1;
  PERFORM set_config('app.identity', coalesce(outer_identity, ''), true);
END $$;--> statement-breakpoint
-- The firm and applied rule version of each of these clients, read under the firm's rules lock held
-- shared (db/queries/rules.ts, which passes the lock's key): the lock first, then the versions in a
-- statement of their own. A volatile function takes a new snapshot for each statement, so a
-- version committed while this waited for the lock is seen. Two statements before, one call now.
CREATE OR REPLACE FUNCTION client_rule_versions(ids uuid[], lock_key integer)
RETURNS TABLE (client uuid, firm uuid, rule_version integer)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock_shared(lock_key, hashtext(f.firm_id::text))
  FROM (SELECT DISTINCT c.firm_id FROM clients c WHERE c.id = ANY(ids)) f;
  RETURN QUERY SELECT c.id, c.firm_id, f.rule_version FROM clients c JOIN firms f ON f.id = c.firm_id WHERE c.id = ANY(ids);
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION token_identity(text), session_identity(uuid, uuid), client_rule_versions(uuid[], integer) TO stageline_app;
