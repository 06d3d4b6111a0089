// Does the engine agree with people? The inferred stage of each visible client against the
// consultant's active override and against the client's latest self-assessment, both read from
// the stored status (client_status), so this is about the current state: no date range. A
// client's pair counts once per comparison, whenever the override or self-assessment was made.
// Archived clients are left out, as on the portfolio.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "../../index";
import { users } from "../../schema";
import { can, type Actor } from "../../../lib/auth/permissions";
import { isStage } from "../../../lib/validation/primitives";
import { AGREEMENT_AGAINST, summarizeCounts, type AgreementAgainst, type AgreementCell, type AgreementSummary } from "../../../lib/insight/agreement";
import { normaliseScope, visibleCte, type ScopeFilters } from "../portfolio";
import { UUID_RE } from "../scope";
import { DRILL_PAGE_SIZE, pageCut, paged, type Paged } from "../paging";

export { AGREEMENT_AGAINST, type AgreementAgainst };

export interface AgreementFilters {
  consultantId?: string | null;
  industry?: string | null;
}

/** One consultant's share of both comparisons (the matrix is left out: six-by-six per person says little). */
export type AgreementFigures = Omit<AgreementSummary, "matrix">;

export interface ConsultantAgreement {
  /** null: clients without a consultant. */
  consultantId: string | null;
  consultantName: string | null;
  clients: number;
  /** Clients with an inferred stage (at least one check-in). */
  withStage: number;
  override: AgreementFigures;
  self: AgreementFigures;
}

export interface Agreement {
  filters: ScopeFilters;
  clients: number;
  withStage: number;
  override: AgreementSummary;
  self: AgreementSummary;
  consultants: ConsultantAgreement[];
}

export interface AgreementDrill {
  against: AgreementAgainst;
  inferred?: number;
  other?: number;
  /** undefined: every consultant; null: clients without one. */
  consultantId?: string | null;
  /** Only clients whose two stages differ. */
  disagreeOnly?: boolean;
}

export interface AgreementClient {
  id: string;
  name: string;
  consultantId: string | null;
  consultantName: string | null;
  inferred: number;
  other: number;
  /** other − inferred: positive when the person puts the client further along than the engine. */
  difference: number;
  /** When the self-assessment was given (null for overrides, whose date is on the client page). */
  otherDate: string | null;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const figures = ({ matrix: _m, ...rest }: AgreementSummary): AgreementFigures => rest;

/** The stored status of the visible clients, after visibleCte(…, withStatus): read from the same rows, not joined again. */
const statusCte = sql`status as (
    select v.id, v.name, v.name_key, v.consultant_id, v.stage as inferred, v.override_stage, v.self_stage, v.self_date
    from visible v
  )`;

/**
 * Both matrices and the per-consultant figures from one statement: counts per (consultant,
 * comparison, inferred, other) cell, plus clients per consultant; summed here with summarizeCounts.
 * At most consultants × 2 × 36 rows, however many clients the firm has.
 */
export async function getAgreement(db: Db | Tx, actor: Actor, filters: AgreementFilters): Promise<Agreement | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normaliseScope(filters);
  if (!f) return null;
  const rows = await queryRows<{ consultant_id: string | null; consultant_name: string | null; kind: "override" | "self" | "clients"; inferred: number | string | null; other: number | string | null; count: number | string }>(
    db,
    sql`with ${visibleCte(actor, f, false, true)}, ${statusCte},
    cells as (
      select consultant_id, 'override' as kind, inferred, override_stage as other, count(*) as count
      from status where inferred is not null and override_stage is not null group by consultant_id, inferred, override_stage
      union all
      select consultant_id, 'self' as kind, inferred, self_stage as other, count(*) as count
      from status where inferred is not null and self_stage is not null group by consultant_id, inferred, self_stage
      union all
      -- "other" carries the clients with a stage, so one row per consultant holds both counts.
      select consultant_id, 'clients' as kind, null as inferred, count(inferred) as other, count(*) as count
      from status group by consultant_id
    )
    select c.consultant_id, u.name as consultant_name, c.kind, c.inferred, c.other, c.count
    from cells c left join ${users} u on u.id = c.consultant_id`,
  );

  const cellsOf = (kind: AgreementAgainst, consultant?: string | null): AgreementCell[] =>
    rows
      .filter((r) => r.kind === kind && (consultant === undefined || r.consultant_id === consultant))
      .map((r) => ({ inferred: n(r.inferred), other: n(r.other), count: n(r.count) }));

  const consultants: ConsultantAgreement[] = rows
    .filter((r) => r.kind === "clients")
    .map((r) => ({
      consultantId: r.consultant_id,
      consultantName: r.consultant_name,
      clients: n(r.count),
      withStage: n(r.other),
      override: figures(summarizeCounts(cellsOf("override", r.consultant_id))),
      self: figures(summarizeCounts(cellsOf("self", r.consultant_id))),
    }))
    // By name, the clients without a consultant last (as on the portfolio).
    .sort((a, b) => (a.consultantName === null ? 1 : b.consultantName === null ? -1 : a.consultantName.localeCompare(b.consultantName)));

  return {
    filters: f,
    clients: consultants.reduce((t, c) => t + c.clients, 0),
    withStage: consultants.reduce((t, c) => t + c.withStage, 0),
    override: summarizeCounts(cellsOf("override")),
    self: summarizeCounts(cellsOf("self")),
    consultants,
  };
}

/**
 * The clients behind a cell, a consultant or the disagreements of one comparison, a page at a
 * time, the widest disagreements first; null when not allowed or malformed.
 */
export async function agreementClients(db: Db | Tx, actor: Actor, filters: AgreementFilters, drill: AgreementDrill, page = 1, size = DRILL_PAGE_SIZE): Promise<({ rows: AgreementClient[] } & Paged) | null> {
  if (!can(actor, "portfolio.read")) return null;
  const f = normaliseScope(filters);
  if (!f) return null;
  if (!AGREEMENT_AGAINST.includes(drill.against)) return null;
  if ((drill.inferred !== undefined && !isStage(drill.inferred)) || (drill.other !== undefined && !isStage(drill.other))) return null;
  if (drill.consultantId && !UUID_RE.test(drill.consultantId)) return null;
  const otherCol = drill.against === "override" ? sql.raw("override_stage") : sql.raw("self_stage");
  const conditions: SQL[] = [sql`inferred is not null`, sql`${otherCol} is not null`];
  if (drill.inferred !== undefined) conditions.push(sql`inferred = ${drill.inferred}`);
  if (drill.other !== undefined) conditions.push(sql`${otherCol} = ${drill.other}`);
  if (drill.consultantId !== undefined) conditions.push(drill.consultantId === null ? sql`consultant_id is null` : sql`consultant_id = ${drill.consultantId}::uuid`);
  if (drill.disagreeOnly) conditions.push(sql`inferred <> ${otherCol}`);
  const cut = pageCut(page, size);
  const picked = sql`with ${visibleCte(actor, f, false, true)}, ${statusCte},
    picked as (select * from status where ${sql.join(conditions, sql` and `)})`;
  // The widest disagreements first: those are the ones to look at. The whole list's count rides
  // on each row of the page; a page past the end counts apart.
  const rows = await queryRows<{ id: string; name: string; consultant_id: string | null; consultant_name: string | null; inferred: number | string; other: number | string; other_date: string | null; total: number | string }>(
    db,
    sql`${picked}
    select s.id, s.name, s.consultant_id, u.name as consultant_name, s.inferred, s.${otherCol} as other,
      ${drill.against === "self" ? sql`s.self_date::text` : sql`null`} as other_date, s.total
    from (
      select p.*, abs(p.inferred - p.${otherCol}) as gap, count(*) over () as total
      from picked p order by gap desc, p.name_key, p.id limit ${cut.limit} offset ${cut.offset}
    ) s left join ${users} u on u.id = s.consultant_id
    order by s.gap desc, s.name_key, s.id`,
  );
  let total = n(rows[0]?.total);
  if (rows.length === 0 && cut.offset > 0) total = n((await queryRows<{ total: number | string }>(db, sql`${picked} select count(*) as total from picked`))[0]?.total);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      consultantId: r.consultant_id,
      consultantName: r.consultant_name,
      inferred: Number(r.inferred),
      other: Number(r.other),
      difference: Number(r.other) - Number(r.inferred),
      otherDate: r.other_date,
    })),
    ...paged(cut, total),
  };
}
