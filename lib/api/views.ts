// What the API shows of stored rows: plain JSON, check-in fields in the interchange format's names.
import type { CheckIn } from "../../db/schema";
import type { CheckInAssessed } from "../../db/queries/checkin-assessments";
import type { ClientStatus } from "../clients/list-types";
import { fieldsOf } from "../../db/queries/checkins";
import { toJsonObject } from "../checkin-format";
import { can, type Actor } from "../auth/permissions";

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function checkInView(row: CheckIn & Partial<Pick<CheckInAssessed, "stage" | "confidence" | "reasons" | "missing">>, actor: Actor) {
  const { client: _client, ...fields } = toJsonObject({ client: "", ...fieldsOf(row) });
  // Consultant notes stay internal unless shared, exactly as on the client's own pages.
  if (!can(actor, "notes.internal.read") && row.notesInternal) fields.notes = null;
  return {
    id: row.id,
    clientId: row.clientId,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    fields,
    assessment:
      row.stage === null || row.stage === undefined
        ? null
        : { stage: Number(row.stage), confidence: Number(row.confidence), reasons: row.reasons ?? [], missing: row.missing ?? [] },
  };
}

export function clientView(s: ClientStatus) {
  return {
    id: s.id,
    name: s.name,
    industry: s.industry,
    archived: s.archived,
    consultantId: s.consultantId,
    consultantName: s.consultantName,
    checkInCount: s.checkInCount,
    lastCheckIn: s.lastCheckIn,
    stage: s.stage,
    confidence: s.confidence,
    stageSince: s.stageSince,
    daysInStage: s.daysInStage,
    overrideStage: s.overrideStage,
    flags: s.flags,
  };
}

export function tokenView(t: { id: string; name: string; prefix: string; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null; createdAt: Date }) {
  return { id: t.id, name: t.name, prefix: t.prefix, expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt), createdAt: iso(t.createdAt) };
}
