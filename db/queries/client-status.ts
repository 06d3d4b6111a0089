import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../index";
import { assignments, clients, users } from "../schema";
import type { Actor } from "../../lib/auth/permissions";
import { NO_CHECKIN_DAYS, RECENT_REGRESSION_DAYS, SELF_ASSESSMENT_GAP, STALLED_DAYS, type Flag } from "../../lib/flags";
import { clientScope } from "./scope";
import { isoDay } from "../../lib/validation/primitives";

/** Where one client stands now, computed in SQL from the stored stage history. */
export interface ClientStatus {
  id: string;
  name: string;
  industry: string | null;
  archived: boolean;
  consultantId: string | null;
  consultantName: string | null;
  checkInCount: number;
  lastCheckIn: string | null;
  stage: number | null;
  confidence: number | null;
  /** Date of the check-in at which the current stage began. */
  stageSince: string | null;
  daysInStage: number | null;
  /** The stage before the last change (null if the stage never changed). */
  previousStage: number | null;
  overrideStage: number | null;
  selfStage: number | null;
  selfDate: string | null;
  flags: Flag[];
  /** The last change was backwards and happened within RECENT_REGRESSION_DAYS. */
  regressedRecently: boolean;
}

interface Row {
  id: string;
  name: string;
  industry: string | null;
  archived: boolean;
  consultant_id: string | null;
  consultant_name: string | null;
  check_in_count: number | string;
  last_check_in: string | null;
  stage: number | string | null;
  confidence: number | string | null;
  stage_since: string | null;
  previous_stage: number | string | null;
  override_stage: number | string | null;
  self_stage: number | string | null;
  self_date: string | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86_400_000);
}

export interface StatusOptions {
  includeArchived?: boolean;
  /** "Today" for the flags, YYYY-MM-DD (tests fix it). */
  today?: string;
  /** Extra condition on `clients` (e.g. one consultant, one industry). */
  where?: SQL;
}

/**
 * The status of every client the actor may see: current stage and since when, last
 * check-in, override, self-assessment and attention flags. One SQL statement with window
 * functions over stage_assessments, so it stays one round trip for thousands of clients.
 */
export async function listClientStatus(db: Db | Tx, actor: Actor, opts: StatusOptions = {}): Promise<ClientStatus[]> {
  const today = opts.today ?? isoDay();
  const scope = clientScope(actor);
  const archived = opts.includeArchived ? sql`true` : sql`${clients.archived} = false`;
  const extra = opts.where ?? sql`true`;
  const rows = await queryRows<Row>(
    db,
    sql`
    with visible as (
      select ${clients.id} as id, ${clients.name} as name, ${clients.industry} as industry, ${clients.archived} as archived,
             ${assignments.consultantId} as consultant_id, ${users.name} as consultant_name
      from ${clients}
      left join ${assignments} on ${assignments.clientId} = ${clients.id}
      left join ${users} on ${users.id} = ${assignments.consultantId}
      where ${scope} and ${archived} and ${extra}
    ),
    hist as (
      select sa.client_id, sa.seq, sa.date, sa.stage, sa.confidence,
             lag(sa.stage) over (partition by sa.client_id order by sa.seq) as prev
      from stage_assessments sa join visible v on v.id = sa.client_id
    ),
    cur as (
      select distinct on (client_id) client_id, stage, confidence, date as last_check_in
      from hist order by client_id, seq desc
    ),
    counts as (select client_id, count(*) as n from hist group by client_id),
    last_change as (
      select distinct on (client_id) client_id, date as since, prev
      from hist where prev is null or prev <> stage
      order by client_id, seq desc
    ),
    ovr as (
      select distinct on (client_id) client_id, stage
      from stage_overrides o where o.withdrawn_at is null and o.client_id in (select id from visible)
      order by client_id, created_at desc
    ),
    self as (
      select distinct on (client_id) client_id, stage, date
      from self_assessments s where s.client_id in (select id from visible)
      order by client_id, created_at desc
    )
    select v.id, v.name, v.industry, v.archived, v.consultant_id, v.consultant_name,
           coalesce(counts.n, 0) as check_in_count,
           cur.last_check_in::text as last_check_in, cur.stage, cur.confidence,
           last_change.since::text as stage_since, last_change.prev as previous_stage,
           ovr.stage as override_stage, self.stage as self_stage, self.date::text as self_date
    from visible v
    left join cur on cur.client_id = v.id
    left join counts on counts.client_id = v.id
    left join last_change on last_change.client_id = v.id
    left join ovr on ovr.client_id = v.id
    left join self on self.client_id = v.id
    order by lower(v.name)`,
  );
  return rows.map((r) => {
    const stage = num(r.stage);
    const previousStage = num(r.previous_stage);
    const overrideStage = num(r.override_stage);
    const selfStage = num(r.self_stage);
    const daysInStage = r.stage_since ? daysBetween(r.stage_since, today) : null;
    const regressed = stage !== null && previousStage !== null && previousStage > stage;
    const flags: Flag[] = [];
    if (!r.last_check_in || daysBetween(r.last_check_in, today) > NO_CHECKIN_DAYS) flags.push("no-recent-checkin");
    // Stage 6 is the top of the ladder: staying there is success, not a stall.
    if (daysInStage !== null && daysInStage > STALLED_DAYS && stage !== 6) flags.push("stalled");
    if (regressed) flags.push("regressed");
    if (overrideStage !== null && stage !== null && overrideStage !== stage) flags.push("override-differs");
    if (selfStage !== null && stage !== null && Math.abs(selfStage - stage) >= SELF_ASSESSMENT_GAP) flags.push("self-assessment-gap");
    return {
      id: r.id,
      name: r.name,
      industry: r.industry,
      archived: r.archived,
      consultantId: r.consultant_id,
      consultantName: r.consultant_name,
      checkInCount: Number(r.check_in_count),
      lastCheckIn: r.last_check_in,
      stage,
      confidence: num(r.confidence),
      stageSince: r.stage_since,
      daysInStage,
      previousStage,
      overrideStage,
      selfStage,
      selfDate: r.self_date,
      flags,
      regressedRecently: regressed && daysInStage !== null && daysInStage <= RECENT_REGRESSION_DAYS,
    };
  });
}
