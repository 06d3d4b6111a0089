-- The statements that store a client's stage history and status, as functions, so PostgreSQL
-- plans them once per connection instead of on every write. Sent as SQL text, the status
-- statement alone spent 0.53 ms of its 0.64 ms planning (pg_stat_statements, bench:checkin on
-- the 10,000-client seed: four lateral lookups, each under row-level security); a check-in
-- spent about half of its statements' database time planning. A plpgsql function keeps its
-- statements' plans for the life of the server connection: nothing for the client to prepare,
-- so it holds through PgBouncer in transaction mode, and on PGlite.
--
-- plan_cache_mode: the statements look rows up by key, and a generic plan is as good as one made
-- for the values. Left to choose, the plan cache keeps re-planning them, because the generic
-- plan's estimate for "= any(ids)" (ten rows) looks costlier than a plan made for one client.
--
-- Both run as the caller (SECURITY INVOKER, the default): row-level security applies as to the
-- statements they replace. db/queries/stage-history.ts is the one caller.

-- Rewrites the stored status row of these clients from their stored history, spells, latest
-- active override and latest self-assessment (the rules of migration 0007). Every client has its
-- row from the moment it is inserted (migration 0012), so this updates it. Answers each client's
-- stage after the write, and before it: `prior` reads the rows as they were before the update
-- (one snapshot for the statement).
CREATE OR REPLACE FUNCTION refresh_client_status(ids uuid[])
RETURNS TABLE (status_client uuid, stage_after smallint, stage_before smallint)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH prior AS (SELECT p.client_id, p.stage FROM client_status p WHERE p.client_id = ANY(ids)),
  fresh AS (
    SELECT c.id, la.stage, la.confidence, op.started AS stage_since, cl.stage AS previous_stage, la.date AS last_check_in,
           coalesce(la.seq + 1, 0) AS check_in_count,
           (SELECT o.stage FROM stage_overrides o WHERE o.client_id = c.id AND o.withdrawn_at IS NULL ORDER BY o.created_at DESC LIMIT 1) AS override_stage,
           sa.stage AS self_stage, sa.date AS self_date
    FROM clients c
    LEFT JOIN LATERAL (SELECT a.stage, a.confidence, a.date, a.seq FROM stage_assessments a WHERE a.client_id = c.id ORDER BY a.seq DESC LIMIT 1) la ON true
    LEFT JOIN LATERAL (SELECT s.started FROM stage_spells s WHERE s.client_id = c.id AND s.ended IS NULL) op ON true
    LEFT JOIN LATERAL (SELECT s.stage FROM stage_spells s WHERE s.client_id = c.id AND s.ended IS NOT NULL ORDER BY s.start_seq DESC LIMIT 1) cl ON true
    LEFT JOIN LATERAL (SELECT x.stage, x.date FROM self_assessments x WHERE x.client_id = c.id ORDER BY x.created_at DESC LIMIT 1) sa ON true
    WHERE c.id = ANY(ids)
  ),
  written AS (
    UPDATE client_status cs SET
      stage = f.stage, confidence = f.confidence, stage_since = f.stage_since, previous_stage = f.previous_stage,
      last_check_in = f.last_check_in, check_in_count = f.check_in_count, override_stage = f.override_stage,
      self_stage = f.self_stage, self_date = f.self_date, updated_at = now()
    FROM fresh f WHERE cs.client_id = f.id
    RETURNING cs.client_id, cs.stage
  )
  SELECT w.client_id, w.stage, p.stage FROM written w LEFT JOIN prior p ON p.client_id = w.client_id;
END $$;--> statement-breakpoint

-- Stores the engine's output for some clients: deletes each client's old tail (assessments from
-- position k on, spells from start position s on; skipped when `tails` is null), inserts the new
-- assessments and spells (JSON arrays of rows), and, when `refresh` is given, rewrites those
-- clients' status rows and answers their stages as refresh_client_status does. `assessment`
-- carries the stored assessment of the check-in `want` (confidence as the column rounds it) on
-- every answered row, or on a row of its own when there is no refresh; null when not written.
CREATE OR REPLACE FUNCTION write_stage_history(tails jsonb, assessments jsonb, spells jsonb, want uuid, refresh uuid[])
RETURNS TABLE (status_client uuid, stage_after smallint, stage_before smallint, assessment jsonb)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  stored jsonb;
BEGIN
  IF tails IS NOT NULL THEN
    DELETE FROM stage_assessments a USING jsonb_to_recordset(tails) AS r(client_id uuid, k integer, s integer)
      WHERE a.client_id = r.client_id AND a.seq >= r.k;
    DELETE FROM stage_spells p USING jsonb_to_recordset(tails) AS r(client_id uuid, k integer, s integer)
      WHERE p.client_id = r.client_id AND p.start_seq >= r.s;
  END IF;
  WITH added AS (
    INSERT INTO stage_assessments (check_in_id, client_id, date, seq, stage, confidence, reasons, missing, rule_version)
    SELECT r.check_in_id, r.client_id, r.date, r.seq, r.stage, r.confidence, r.reasons, r.missing, r.rule_version
    FROM jsonb_to_recordset(assessments)
      AS r(check_in_id uuid, client_id uuid, date date, seq integer, stage smallint, confidence real, reasons jsonb, missing jsonb, rule_version integer)
    RETURNING check_in_id, seq, stage, confidence, reasons, missing
  )
  SELECT jsonb_build_object('seq', x.seq, 'stage', x.stage, 'confidence', x.confidence, 'reasons', x.reasons, 'missing', x.missing)
    INTO stored FROM added x WHERE x.check_in_id = want;
  INSERT INTO stage_spells (client_id, start_seq, stage, started, ended, next_stage)
  SELECT r.client_id, r.start_seq, r.stage, r.started, r.ended, r.next_stage
  FROM jsonb_to_recordset(spells) AS r(client_id uuid, start_seq integer, stage smallint, started date, ended date, next_stage smallint);
  IF refresh IS NOT NULL THEN
    RETURN QUERY SELECT f.status_client, f.stage_after, f.stage_before, stored FROM refresh_client_status(refresh) f;
  ELSIF stored IS NOT NULL THEN
    RETURN QUERY SELECT NULL::uuid, NULL::smallint, NULL::smallint, stored;
  END IF;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION refresh_client_status(uuid[]), write_stage_history(jsonb, jsonb, jsonb, uuid, uuid[]) TO stageline_app;
