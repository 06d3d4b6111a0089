import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../index";
import { queryRows, uuidArray } from "../index";
import { checkIns, clients, clientStatus, firmRuleSets, firms, ruleRecomputes, users } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import {
  DEFAULT_SETTINGS, ENGINE_FIELDS, parseSettings, SETTING_KEYS, sameSettings, type SettingsError, type StageSettings,
} from "../../lib/stages";
import { WhatIf, type WhatIfResult } from "../../lib/insight/what-if";
import { writeAudit } from "./audit";

// A firm's stage rules (issue #13): versions in firm_rule_sets (append-only; version 0 is the
// built-in defaults and has no row), the version the stored histories were computed with in
// firms.rule_version, and the run that applies a newer one in rule_recomputes
// (lib/insight/recompute.ts). Every function an actor reaches checks rules.manage itself.

export interface RuleSet {
  version: number;
  settings: StageSettings;
}

export const DEFAULT_RULES: RuleSet = Object.freeze({ version: 0, settings: DEFAULT_SETTINGS });

/**
 * Settings as stored. They were validated when saved; a setting a later release bounds
 * differently falls back to its default rather than failing every write of the firm.
 */
export function storedSettings(json: unknown): StageSettings {
  const whole = parseSettings(json);
  if (whole.ok) return whole.settings;
  const out: StageSettings = { ...DEFAULT_SETTINGS };
  const obj = (json ?? {}) as Record<string, unknown>;
  for (const k of SETTING_KEYS) {
    const one = parseSettings({ [k]: obj[k] });
    if (one.ok) out[k] = one.settings[k];
  }
  return out;
}

async function settingsOf(db: Db | Tx, firmId: string, version: number): Promise<StageSettings> {
  if (version === 0) return DEFAULT_SETTINGS;
  const [row] = await db
    .select({ settings: firmRuleSets.settings })
    .from(firmRuleSets)
    .where(and(eq(firmRuleSets.firmId, firmId), eq(firmRuleSets.version, version)));
  return row ? storedSettings(row.settings) : DEFAULT_SETTINGS;
}

/** The rules a firm's stored histories were computed with (what every page shows). */
export async function appliedRules(db: Db | Tx, firmId: string): Promise<RuleSet> {
  const [f] = await db.select({ version: firms.ruleVersion }).from(firms).where(eq(firms.id, firmId));
  const version = f?.version ?? 0;
  return { version, settings: await settingsOf(db, firmId, version) };
}

/** The settings a page re-running the engine must use so its stages match the stored ones. */
export async function firmSettings(db: Db | Tx, actor: Pick<Actor, "firmId">): Promise<StageSettings> {
  return (await appliedRules(db, actor.firmId)).settings;
}

/** A saved version's settings (the recompute applies it). */
export async function ruleSetOf(db: Db | Tx, firmId: string, version: number): Promise<RuleSet> {
  return { version, settings: await settingsOf(db, firmId, version) };
}

/**
 * The lock that orders writers against a firm's rule recompute (lib/insight/recompute.ts): each
 * writer holds it shared until it commits, the recompute takes it exclusively before it commits,
 * so a client written meanwhile with the old version is seen and redone by the recompute.
 * A transaction-scoped advisory lock, not a row lock on `firms`: FOR SHARE by many concurrent
 * writers on the one firm row turned every write into a MultiXact update of that row. Keyed by
 * a hash of the firm id; a collision only makes two firms' writers and recomputes wait for each other.
 */
export const FIRM_RULES_LOCK = 727275;
/**
 * The firm's rules lock, taken exclusively by a recompute. The writers take it shared in
 * client_rule_versions (migration 0014), with the same key (passed from here, the one place it is
 * written) and the same hash of the firm id.
 */
export const firmRulesLock = (firmId: string) => sql`select pg_advisory_xact_lock(${FIRM_RULES_LOCK}, hashtext(${firmId}::text))`;

/**
 * The applied rules of each client's firm, for the writers (db/queries/stage-history.ts), read
 * under the firm's rules lock held shared (client_rule_versions). Writers lock their client first and
 * the firm's rules lock here; the recompute locks the clients first and the firm's rules lock
 * last: the same order, so they never wait for each other in a circle.
 */
export async function rulesOfClients(tx: Db | Tx, clientIds: readonly string[]): Promise<Map<string, RuleSet>> {
  const out = new Map<string, RuleSet>();
  if (clientIds.length === 0) return out;
  // The lock, then the applied versions under a snapshot taken after it is granted (a version
  // committed meanwhile is seen): one call (migration 0014).
  const owners = await queryRows<{ client: string; firm: string; rule_version: number }>(
    tx,
    sql`select * from client_rule_versions(${uuidArray(clientIds)}, ${FIRM_RULES_LOCK})`,
  );
  const found = [...new Map(owners.map((o) => [o.firm, { id: o.firm, rule_version: Number(o.rule_version) }])).values()];
  if (found.length === 0) return out;
  const byFirm = new Map<string, RuleSet>();
  for (const f of found) byFirm.set(f.id, f.rule_version === 0 ? DEFAULT_RULES : await ruleSetOf(tx, f.id, f.rule_version));
  for (const o of owners) out.set(o.client, byFirm.get(o.firm) ?? DEFAULT_RULES);
  return out;
}

export interface RuleVersionRow {
  version: number;
  settings: StageSettings;
  createdAt: string;
  createdBy: string | null;
}

export interface RecomputeRun {
  version: number;
  total: number;
  done: number;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface RulesOverview {
  applied: RuleSet;
  /** The latest saved version (it is being applied when above `applied.version`); the defaults when none. */
  latest: RuleSet;
  /** Saved versions, newest first. */
  history: RuleVersionRow[];
  /** The latest run applying a version, if any. */
  run: RecomputeRun | null;
}

/** How long a run may go without a heartbeat before another request takes it over. */
export const STALE_AFTER_SECONDS = 120;

/** A run not finished and without a heartbeat for STALE_AFTER_SECONDS (or never claimed): anyone may take it over. */
export function runIsStale(run: RecomputeRun | null, now = Date.now()): boolean {
  return run !== null && run.finishedAt === null && Date.parse(run.heartbeatAt) < now - STALE_AFTER_SECONDS * 1000;
}

async function latestRun(db: Db | Tx, firmId: string): Promise<RecomputeRun | null> {
  const [r] = await db.select().from(ruleRecomputes).where(eq(ruleRecomputes.firmId, firmId)).orderBy(desc(ruleRecomputes.version)).limit(1);
  if (!r) return null;
  return {
    version: r.version,
    total: r.total,
    done: r.done,
    startedAt: r.startedAt.toISOString(),
    heartbeatAt: r.heartbeatAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    error: r.error,
  };
}

/** The rules page's data; null without rules.manage. */
export async function getRulesOverview(db: Db | Tx, actor: Actor): Promise<RulesOverview | null> {
  if (!can(actor, "rules.manage")) return null;
  const applied = await appliedRules(db, actor.firmId);
  const rows = await db
    .select({ version: firmRuleSets.version, settings: firmRuleSets.settings, createdAt: firmRuleSets.createdAt, createdBy: users.name })
    .from(firmRuleSets)
    .leftJoin(users, eq(users.id, firmRuleSets.createdBy))
    .where(eq(firmRuleSets.firmId, actor.firmId))
    .orderBy(desc(firmRuleSets.version))
    .limit(50);
  const history = rows.map((r) => ({ version: r.version, settings: storedSettings(r.settings), createdAt: r.createdAt.toISOString(), createdBy: r.createdBy }));
  const latest = history[0] ? { version: history[0].version, settings: history[0].settings } : DEFAULT_RULES;
  return { applied, latest, history, run: await latestRun(db, actor.firmId) };
}

/** Progress of applying the latest version, for the page's poll; null without rules.manage. */
export async function getRecomputeStatus(db: Db | Tx, actor: Actor): Promise<{ appliedVersion: number; run: RecomputeRun | null } | null> {
  if (!can(actor, "rules.manage")) return null;
  const [f] = await db.select({ version: firms.ruleVersion }).from(firms).where(eq(firms.id, actor.firmId));
  return { appliedVersion: f?.version ?? 0, run: await latestRun(db, actor.firmId) };
}

export type SaveRulesResult = { ok: true; version: number; unchanged: boolean } | { ok: false; errors: SettingsError[] };

/**
 * Saves the settings as the firm's next version, audited, and queues applying it (a
 * rule_recomputes row whose heartbeat is long past, so whichever request or instance comes
 * first claims it: lib/insight/recompute.ts). Settings equal to the latest version save nothing.
 * Null without rules.manage. The caller starts the recompute after its transaction commits.
 */
export async function saveRules(db: Db | Tx, actor: Actor, input: unknown, action: "rules.save" | "rules.reset" = "rules.save"): Promise<SaveRulesResult | null> {
  if (!can(actor, "rules.manage")) return null;
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  const settings = parsed.settings;
  const [prev] = await db
    .select({ version: firmRuleSets.version, settings: firmRuleSets.settings })
    .from(firmRuleSets)
    .where(eq(firmRuleSets.firmId, actor.firmId))
    .orderBy(desc(firmRuleSets.version))
    .limit(1);
  const before: RuleSet = prev ? { version: prev.version, settings: storedSettings(prev.settings) } : DEFAULT_RULES;
  if (sameSettings(before.settings, settings)) return { ok: true, version: before.version, unchanged: true };
  // Two managers saving at once: the second insert finds the number taken once the first
  // commits, inserts nothing, and tries the next number with a fresh look at the table.
  let version = 0;
  for (let attempt = 0; attempt < 5 && version === 0; attempt++) {
    const [row] = await queryRows<{ version: number }>(
      db,
      sql`insert into firm_rule_sets (firm_id, version, settings, created_by)
          select ${actor.firmId}::uuid, coalesce(max(version), 0) + 1, ${JSON.stringify(settings)}::jsonb, ${actor.id}::uuid
          from firm_rule_sets where firm_id = ${actor.firmId}::uuid
          on conflict do nothing returning version`,
    );
    if (row) version = row.version;
  }
  if (version === 0) throw new Error("could not number the new rule version");
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from clients where firm_id = ${actor.firmId}::uuid`);
  await db.insert(ruleRecomputes).values({ firmId: actor.firmId, version, total: n, done: 0, heartbeatAt: new Date(0) });
  await writeAudit(db, actor, {
    action,
    entityType: "rule_set",
    entityId: String(version),
    before: { version: before.version, settings: before.settings },
    after: { version, settings },
  });
  return { ok: true, version, unchanged: false };
}

/** Saves a new version equal to the defaults (history stays; the return is itself a version). */
export async function resetRules(db: Db | Tx, actor: Actor): Promise<SaveRulesResult | null> {
  return saveRules(db, actor, { ...DEFAULT_SETTINGS }, "rules.reset");
}

export type WhatIfOutcome = { ok: true; result: WhatIfResult; settings: StageSettings } | { ok: false; errors: SettingsError[] };

/** One check-in's engine fields as one line of text (lib/insight/what-if.ts decodeEngineLine reads it). */
export function engineLineSql(): SQL {
  const parts = ENGINE_FIELDS.map((d) => {
    const col = `c.${checkIns[d.key].name}`;
    return d.type === "list" ? `array_to_string(${col}, ',')` : d.type === "date" ? `${col}::text` : col;
  });
  return sql.raw(`concat(${parts.join(", '|', ")})`);
}

/**
 * The firm's active clients under candidate settings, compared with their stored stages: the
 * engine over every check-in of the firm, read in one query of only the fields the engine reads,
 * unsorted (sorting 360,000 rows costs more than grouping them here). Null without rules.manage.
 */
export async function whatIf(db: Db | Tx, actor: Actor, input: unknown): Promise<WhatIfOutcome | null> {
  if (!can(actor, "rules.manage")) return null;
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  const status = await db
    .select({ clientId: clients.id, name: clients.name, current: clientStatus.stage, override: clientStatus.overrideStage, self: clientStatus.selfStage })
    .from(clients)
    .innerJoin(clientStatus, eq(clientStatus.clientId, clients.id))
    .where(and(eq(clients.firmId, actor.firmId), eq(clients.archived, false)));
  const w = new WhatIf(parsed.settings);
  const rows = await queryRows<{ client_id: string; line: string }>(
    db,
    sql`select c.client_id, ${engineLineSql()} as line
        from check_ins c join clients k on k.id = c.client_id
        where c.firm_id = ${actor.firmId}::uuid and not k.archived`,
  );
  for (const r of rows) w.add(r.client_id, r.line);
  return { ok: true, result: w.result(status), settings: parsed.settings };
}
