-- The same two functions as migration 0013, with plans that stay on the indexes when the tables
-- are small. Their plans are generic (plan_cache_mode), so the planner cannot see how many tails a
-- call brings (it assumes 100 rows from jsonb_to_recordset) or which clients it names: with a
-- firm of 1,000 clients alone in its database (36,000 assessments, 3,500 spells) it chose a hash
-- join over a sequential scan of stage_assessments and stage_spells for the tails' deletes, and of
-- stage_spells for the open spell, on every check-in; in the 10-firm benchmark database the same
-- statements used the indexes. That firm's 50 writers managed 52.9 check-ins a second against
-- 121.2 for the same firm among nine others (npm run bench:pair, docs/performance.md).
--  - The tails are deleted one client at a time, each delete a lookup on (client_id, seq) or
--    (client_id, start_seq): a check-in names one client, an import a few hundred at most.
--  - The open spell is found as the other lookups are, newest first with LIMIT 1, so it stays a
--    per-client lookup rather than a join the planner may turn into a scan. A client has one open
--    spell (its current stage); the order only makes the answer definite.
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
    LEFT JOIN LATERAL (SELECT s.started FROM stage_spells s WHERE s.client_id = c.id AND s.ended IS NULL ORDER BY s.start_seq DESC LIMIT 1) op ON true
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

CREATE OR REPLACE FUNCTION write_stage_history(tails jsonb, assessments jsonb, spells jsonb, want uuid, refresh uuid[])
RETURNS TABLE (status_client uuid, stage_after smallint, stage_before smallint, assessment jsonb)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  stored jsonb;
  tail record;
BEGIN
  IF tails IS NOT NULL THEN
    FOR tail IN SELECT * FROM jsonb_to_recordset(tails) AS r(client_id uuid, k integer, s integer) LOOP
      DELETE FROM stage_assessments a WHERE a.client_id = tail.client_id AND a.seq >= tail.k;
      DELETE FROM stage_spells p WHERE p.client_id = tail.client_id AND p.start_seq >= tail.s;
    END LOOP;
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
END $$;
