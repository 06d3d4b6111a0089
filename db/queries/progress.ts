import { ENGINE_COLUMNS } from "./checkin-columns";
import type { StageInput } from "../../lib/stages";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "../index";
import { checkIns, clients, stageAssessments, stageOverrides } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { clientScope } from "./scope";
import { latestSelfAssessment } from "./self-assessments";

// A client user's own progress page. It selects only what a client may see: no internal
// notes, no internal override reasons, nothing of another client.

export interface ClientProgress {
  client: { id: string; name: string };
  journey: { date: string; stage: number }[];
  current: { stage: number; date: string; reasons: string[]; missing: string[] } | null;
  /** The first date the client reached each stage, by stage. */
  milestones: { stage: number; date: string }[];
  override: { stage: number; effectiveDate: string; reason: string | null } | null;
  sharedNotes: { date: string; notes: string }[];
  self: { stage: number; date: string; note: string | null } | null;
}

export async function getClientProgress(db: Db, actor: Actor): Promise<ClientProgress | null> {
  if (!can(actor, "progress.read") || !actor.clientId) return null;
  const [client] = await db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.id, actor.clientId), clientScope(actor)))
    .limit(1);
  if (!client) return null;
  const [journey, milestones, last, override, notes, self] = await Promise.all([
    db.select({ date: stageAssessments.date, stage: stageAssessments.stage }).from(stageAssessments).where(eq(stageAssessments.clientId, client.id)).orderBy(asc(stageAssessments.seq)),
    queryRows<{ stage: number; date: string }>(
      db,
      sql`select stage, min(date)::text as date from stage_assessments where client_id = ${client.id} group by stage order by min(date), stage`,
    ),
    db
      .select({ stage: stageAssessments.stage, date: stageAssessments.date, reasons: stageAssessments.reasons, missing: stageAssessments.missing })
      .from(stageAssessments)
      .where(eq(stageAssessments.clientId, client.id))
      .orderBy(desc(stageAssessments.seq))
      .limit(1),
    db
      .select({ stage: stageOverrides.stage, effectiveDate: stageOverrides.effectiveDate, reason: sql<string | null>`case when ${stageOverrides.internal} then null else ${stageOverrides.reason} end` })
      .from(stageOverrides)
      .where(and(eq(stageOverrides.clientId, client.id), isNull(stageOverrides.withdrawnAt)))
      .orderBy(desc(stageOverrides.createdAt))
      .limit(1),
    db
      .select({ date: checkIns.date, notes: checkIns.notes })
      .from(checkIns)
      .where(and(eq(checkIns.clientId, client.id), eq(checkIns.notesInternal, false), sql`${checkIns.notes} is not null and ${checkIns.notes} <> ''`))
      .orderBy(desc(checkIns.date))
      .limit(5),
    latestSelfAssessment(db, actor, client.id),
  ]);
  return {
    client,
    journey: journey.map((j) => ({ date: j.date, stage: Number(j.stage) })),
    current: last[0] ? { stage: Number(last[0].stage), date: last[0].date, reasons: last[0].reasons, missing: last[0].missing } : null,
    milestones: milestones.map((m) => ({ stage: Number(m.stage), date: m.date })),
    override: override[0] ? { stage: Number(override[0].stage), effectiveDate: override[0].effectiveDate, reason: override[0].reason } : null,
    sharedNotes: notes.map((n) => ({ date: n.date, notes: n.notes ?? "" })),
    self: self ? { stage: self.stage, date: self.date, note: self.note } : null,
  };
}

// The client's check-ins as the stage engine reads them, in the order their stored history was
// computed (db/queries/stage-history.ts: date, then creation), so the progress page can re-render
// the engine's reasons in the client's language and voice. Only the engine's fields: never the
// notes, so an internal note can't reach this page.
export async function clientEngineHistory(db: Db, actor: Actor, clientId: string): Promise<StageInput[]> {
  return db
    .select(ENGINE_COLUMNS)
    .from(checkIns)
    .innerJoin(clients, eq(clients.id, checkIns.clientId))
    .where(and(eq(checkIns.clientId, clientId), clientScope(actor)))
    .orderBy(asc(checkIns.date), asc(checkIns.createdAt));
}
