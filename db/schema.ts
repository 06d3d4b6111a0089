import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ADVOCACY,
  ATTITUDES,
  PROMOTIONS,
  REPLIES,
  RESULTS,
  RHYTHMS,
  type Platform,
  type Tool,
} from "../lib/stages/vocabulary";

// Roles are defined with the permissions (lib/auth/roles.ts); the enum is built from them.
import { ROLES } from "../lib/auth/roles";

export const roleEnum = pgEnum("role", ROLES);
export const rhythmEnum = pgEnum("rhythm", RHYTHMS);
export const repliesEnum = pgEnum("replies", REPLIES);
export const promotionEnum = pgEnum("promotion", PROMOTIONS);
export const resultsEnum = pgEnum("results", RESULTS);
export const advocacyEnum = pgEnum("advocacy", ADVOCACY);
export const attitudeEnum = pgEnum("attitude", ATTITUDES);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const firms = pgTable("firms", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** IANA zone: "today" for the firm's users who have not chosen their own. Managers set it. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /**
   * The stage-rule version the stored histories were computed with (0 = the defaults). A saved
   * version above it is being applied (rule_recomputes); until that finishes, pages keep showing
   * the stages of this one.
   */
  ruleVersion: integer("rule_version").notNull().default(0),
  createdAt: createdAt(),
});
export type Firm = typeof firms.$inferSelect;

export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id").notNull().references(() => firms.id),
    name: text("name").notNull(),
    industry: text("industry"),
    notes: text("notes"),
    archived: boolean("archived").notNull().default(false),
    /** The local date the client was archived (censors their open stage spell); null while active. */
    archivedOn: date("archived_on", { mode: "string" }),
    /**
     * lower(name), stored: the lists' sort key. A condition on a plain column can start an index
     * scan under row-level security; one on lower(name) cannot (lower() is not leakproof), so
     * a late keyset page had to scan the firm.
     */
    nameKey: text("name_key").generatedAlwaysAs(sql`lower(name)`).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Import matches clients by name within a firm, so a name must be unambiguous there.
    uniqueIndex("clients_firm_name_uq").on(t.firmId, sql`lower(${t.name})`),
    // The lists' order (name, then id) and their keyset pages.
    index("clients_firm_name_key_idx").on(t.firmId, t.nameKey, t.id),
    // The portfolio's industry choices, walked one distinct value at a time (portfolioFilterOptions).
    index("clients_firm_industry_idx").on(t.firmId, t.industry),
    check("clients_name_len", sql`char_length(${t.name}) between 1 and 200`),
  ],
);
export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    firmId: uuid("firm_id").notNull().references(() => firms.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // Null until an invited user sets a password.
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull(),
    // A client user is linked to exactly one client; other roles to none.
    clientId: uuid("client_id").references(() => clients.id),
    active: boolean("active").notNull().default(true),
    // Bumped on password or role change and on deactivation: older sessions stop working.
    sessionVersion: integer("session_version").notNull().default(1),
    /** The user's language ("en", "bn"); null: the browser's Accept-Language decides. */
    locale: text("locale").$type<"en" | "bn">(),
    /** IANA zone for "today" and timestamps; null: the firm's. Set from the browser at sign-in or acceptance. */
    timeZone: text("time_zone"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(sql`lower(${t.email})`),
    index("users_firm_idx").on(t.firmId),
    index("users_client_idx").on(t.clientId),
    check("users_client_link", sql`(${t.role} = 'client') = (${t.clientId} is not null)`),
    check("users_locale", sql`${t.locale} is null or ${t.locale} in ('en', 'bn')`),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** The lead consultant of each client: one row per client. */
export const assignments = pgTable(
  "assignments",
  {
    clientId: uuid("client_id").primaryKey().references(() => clients.id),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    consultantId: uuid("consultant_id").notNull().references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid("assigned_by").references(() => users.id),
  },
  (t) => [
    index("assignments_consultant_idx").on(t.consultantId),
    index("assignments_assigned_by_idx").on(t.assignedBy),
    // A firm's assignments without reading the other firms' (the portfolio's visible clients):
    // a 1,000-client firm's plan scanned all 19,000 rows to keep its 1,000 (docs/performance.md).
    index("assignments_firm_client_idx").on(t.firmId, t.clientId, t.consultantId),
  ],
);
export type Assignment = typeof assignments.$inferSelect;

export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    date: date("date", { mode: "string" }).notNull(),
    consultant: text("consultant"),
    accounts: text("accounts").array().$type<Platform[]>().notNull().default(sql`'{}'::text[]`),
    accountsSince: date("accounts_since", { mode: "string" }),
    postsLast30d: integer("posts_last_30d").notNull(),
    rhythm: rhythmEnum("rhythm").notNull(),
    automatedShare: doublePrecision("automated_share").notNull().default(0),
    replies: repliesEnum("replies").notNull(),
    promotion: promotionEnum("promotion").notNull().default("none"),
    results: resultsEnum("results").notNull(),
    tools: text("tools").array().$type<Tool[]>().notNull().default(sql`'{}'::text[]`),
    mentionResponseHours: doublePrecision("mention_response_hours"),
    advocacy: advocacyEnum("advocacy").notNull().default("none"),
    attitude: attitudeEnum("attitude"),
    followers: integer("followers"),
    notes: text("notes"),
    // Consultant notes stay internal unless the consultant shares them with the client.
    notesInternal: boolean("notes_internal").notNull().default(true),
    // One per form render or API request: a resubmission hits the unique index instead of adding a row.
    idempotencyKey: text("idempotency_key"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("check_ins_client_date_idx").on(t.clientId, t.date),
    index("check_ins_author_idx").on(t.authorId),
    // The portfolio's "check-ins in the last 30 days" per firm (row-level security adds firm_id = app_firm()),
    // with client_id so that it is an index-only scan.
    index("check_ins_firm_date_idx").on(t.firmId, t.date, t.clientId),
    uniqueIndex("check_ins_idempotency_uq").on(t.idempotencyKey),
    check("check_ins_posts_range", sql`${t.postsLast30d} between 0 and 10000`),
    check("check_ins_automated_range", sql`${t.automatedShare} between 0 and 1`),
    check("check_ins_response_range", sql`${t.mentionResponseHours} is null or ${t.mentionResponseHours} between 0 and 720`),
    check("check_ins_followers_range", sql`${t.followers} is null or ${t.followers} >= 0`),
    check("check_ins_notes_len", sql`${t.notes} is null or char_length(${t.notes}) <= 5000`),
  ],
);
export type CheckIn = typeof checkIns.$inferSelect;
export type NewCheckIn = typeof checkIns.$inferInsert;

/** The engine's stage as of each check-in; rewritten in the same transaction as any check-in change. */
export const stageAssessments = pgTable(
  "stage_assessments",
  {
    checkInId: uuid("check_in_id")
      .primaryKey()
      .references(() => checkIns.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    date: date("date", { mode: "string" }).notNull(),
    // Position in the client's history (0 = oldest), so same-date check-ins keep the engine's order.
    seq: integer("seq").notNull(),
    stage: smallint("stage").notNull(),
    confidence: real("confidence").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    missing: jsonb("missing").$type<string[]>().notNull(),
    /** The firm's stage-rule version this assessment was computed with (0 = the defaults). */
    ruleVersion: integer("rule_version").notNull().default(0),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stage_assessments_client_seq_idx").on(t.clientId, t.seq),
    check("stage_assessments_stage_range", sql`${t.stage} between 1 and 6`),
  ],
);
export type StageAssessment = typeof stageAssessments.$inferSelect;

/**
 * Stays in one inferred stage (overrides aside), derived from stage_assessments and written with
 * it (db/queries/stage-history.ts): a spell opens at the assessment that first shows its stage and
 * ends on the date of the assessment that shows the next one. Time in stage, flows and the
 * distribution over time are computed from these rows.
 */
export const stageSpells = pgTable(
  "stage_spells",
  {
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    // Filled from the parent row by a trigger (migration 0007) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    // The seq of the assessment that opened the spell: orders a client's spells, even two on one day.
    startSeq: integer("start_seq").notNull(),
    stage: smallint("stage").notNull(),
    started: date("started", { mode: "string" }).notNull(),
    // The date of the next spell's first assessment; null while the spell is open.
    ended: date("ended", { mode: "string" }),
    nextStage: smallint("next_stage"),
    // Copies of the client's industry and archive and of its lead consultant, kept by the triggers
    // of migration 0012 like client_status's: time in stage, flows and the distribution over time
    // filter the firm's spells without joining its clients.
    industry: text("industry"),
    archived: boolean("archived").notNull().default(false),
    archivedOn: date("archived_on", { mode: "string" }),
    consultantId: uuid("consultant_id"),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.startSeq] }),
    index("stage_spells_firm_started_idx").on(t.firmId, t.started),
    index("stage_spells_firm_ended_idx").on(t.firmId, t.ended),
    check("stage_spells_stage_range", sql`${t.stage} between 1 and 6`),
    check("stage_spells_next_range", sql`${t.nextStage} is null or (${t.nextStage} between 1 and 6 and ${t.nextStage} <> ${t.stage})`),
    check("stage_spells_order", sql`${t.ended} is null or ${t.ended} >= ${t.started}`),
    check("stage_spells_open", sql`(${t.ended} is null) = (${t.nextStage} is null)`),
  ],
);
export type StageSpell = typeof stageSpells.$inferSelect;

/**
 * Each client's current status, stored so that no list, flag, API call or portfolio recomputes it:
 * refreshed in the same transaction as every change to the client's history, override or
 * self-assessment (refreshStatus in db/queries/stage-history.ts).
 *
 * It also carries copies of what the portfolio groups and filters by: the client's name,
 * industry, archive and creation date, and its lead consultant. Their home stays clients and
 * assignments; triggers there rewrite the copies in the same statement, and every new client gets
 * its row when it is inserted (migration 0012). So the portfolio and the attention lists read this
 * one table instead of joining the firm's clients and assignments on every view, which was about
 * half of each of those statements at 10,000 clients (docs/performance.md).
 */
export const clientStatus = pgTable(
  "client_status",
  {
    clientId: uuid("client_id")
      .primaryKey()
      .references(() => clients.id, { onDelete: "cascade" }),
    // Filled from the parent row by a trigger (migration 0007) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    stage: smallint("stage"),
    confidence: real("confidence"),
    stageSince: date("stage_since", { mode: "string" }),
    previousStage: smallint("previous_stage"),
    lastCheckIn: date("last_check_in", { mode: "string" }),
    checkInCount: integer("check_in_count").notNull().default(0),
    overrideStage: smallint("override_stage"),
    selfStage: smallint("self_stage"),
    selfDate: date("self_date", { mode: "string" }),
    updatedAt: updatedAt(),
    // Copies, kept by the triggers of migration 0012 (see above).
    name: text("name").notNull(),
    nameKey: text("name_key").generatedAlwaysAs(sql`lower(name)`).notNull(),
    industry: text("industry"),
    archived: boolean("archived").notNull().default(false),
    archivedOn: date("archived_on", { mode: "string" }),
    createdOn: date("created_on", { mode: "string" }).notNull(),
    consultantId: uuid("consultant_id"),
  },
  (t) => [index("client_status_firm_stage_idx").on(t.firmId, t.stage)],
);
export type ClientStatusRow = typeof clientStatus.$inferSelect;

/** A consultant's judgement beside the inference, never replacing it. */
export const stageOverrides = pgTable(
  "stage_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    stage: smallint("stage").notNull(),
    reason: text("reason").notNull(),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    // Internal reasons are never shown to the client.
    internal: boolean("internal").notNull().default(false),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    authorId: uuid("author_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
  },
  (t) => [
    index("stage_overrides_client_idx").on(t.clientId, t.createdAt),
    index("stage_overrides_author_idx").on(t.authorId),
    index("stage_overrides_withdrawn_by_idx").on(t.withdrawnBy),
    check("stage_overrides_stage_range", sql`${t.stage} between 1 and 6`),
    check("stage_overrides_reason_len", sql`char_length(${t.reason}) between 1 and 2000`),
  ],
);
export type StageOverride = typeof stageOverrides.$inferSelect;

/** A client's own answer to "which stage would you put yourself in?". */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    stage: smallint("stage").notNull(),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    note: text("note"),
    date: date("date", { mode: "string" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("self_assessments_client_idx").on(t.clientId, t.createdAt),
    index("self_assessments_user_idx").on(t.userId),
    check("self_assessments_stage_range", sql`${t.stage} between 1 and 6`),
    check("self_assessments_note_len", sql`${t.note} is null or char_length(${t.note}) <= 2000`),
  ],
);
export type SelfAssessment = typeof selfAssessments.$inferSelect;

/** Append-only (a trigger refuses UPDATE and DELETE): who changed what, and when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    firmId: uuid("firm_id").notNull().references(() => firms.id),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    clientId: uuid("client_id").references(() => clients.id),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_firm_at_idx").on(t.firmId, t.at),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_client_idx").on(t.clientId),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/** One-time links a manager passes on so an invited user sets a password. Only the hash is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    // A manager revoked it, sent a newer link, or deactivated the user: the link no longer works.
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // "invite" sets the first password; "reset" replaces a forgotten one and ends every session.
    purpose: text("purpose").$type<"invite" | "reset">().notNull().default("invite"),
    createdAt: createdAt(),
  },
  (t) => [
    check("invitations_purpose", sql`${t.purpose} in ('invite', 'reset')`),
    uniqueIndex("invitations_token_uq").on(t.tokenHash),
    index("invitations_user_idx").on(t.userId),
    index("invitations_created_by_idx").on(t.createdBy),
  ],
);
export type Invitation = typeof invitations.$inferSelect;

/**
 * One row per signed-in browser. The session cookie names its row; signing out ends it, and
 * the idle and absolute timeouts are checked against it (lib/auth/session-policy.ts).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    firmId: uuid("firm_id").notNull().references(() => firms.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** Personal access tokens for the API; the token is shown once and only its hash is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    // Filled from the parent row by a trigger (migration 0005) and checked by row-level security.
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // The first characters of the token, so its owner can tell tokens apart.
    prefix: text("prefix").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/** Fixed-window request counters shared by every app instance (never process memory). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("rate_limits_key_window_uq").on(t.key, t.windowStart), index("rate_limits_window_idx").on(t.windowStart)],
);

/** Failed sign-ins and invitation acceptances, by account and client address: the throttle counts these. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // A lower-cased email, or `invite:<invitation id>` for an invitation link.
    account: text("account").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_account_ip_idx").on(t.account, t.ip, t.at), index("sign_in_failures_ip_idx").on(t.ip, t.at), index("sign_in_failures_at_idx").on(t.at)],
);

/**
 * A firm's tuned stage rules, one row per saved version (1, 2, …; version 0 is the built-in
 * defaults and has no row). `settings` holds only the thresholds (lib/stages/settings.ts).
 * Returning to the defaults saves a new version whose settings equal them.
 */
export const firmRuleSets = pgTable(
  "firm_rule_sets",
  {
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    version: integer("version").notNull(),
    settings: jsonb("settings").$type<Record<string, number>>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.version] }), check("firm_rule_sets_version", sql`${t.version} >= 1`)],
);
export type FirmRuleSet = typeof firmRuleSets.$inferSelect;

/**
 * Applying a rule version to every client's history: progress for the bar, and a heartbeat so
 * another instance can take over a run whose instance died. One row per (firm, version).
 */
export const ruleRecomputes = pgTable(
  "rule_recomputes",
  {
    firmId: uuid("firm_id").notNull().default(sql`app_firm()`).references(() => firms.id),
    version: integer("version").notNull(),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.version] })],
);
export type RuleRecompute = typeof ruleRecomputes.$inferSelect;
