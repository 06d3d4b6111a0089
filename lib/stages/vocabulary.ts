// The vocabulary of observations and the ONE definition of a check-in's fields
// (shared/checkin-format.md, version 1). Everything else is derived from CHECKIN_FIELDS: the
// converter, the CSV columns, the zod schemas of form, API and import, the OpenAPI input schema,
// the JSON and engine types and the database select lists. It lives here because lib/stages
// imports nothing outside itself and the engine's input type comes from it; the format module
// re-exports it (lib/checkin-format/field-defs.ts adds the lookups).

export const PLATFORMS = ["facebook", "x", "instagram", "linkedin", "tiktok", "youtube", "pinterest", "blog", "other"] as const;
export const RHYTHMS = ["none", "sporadic", "scheduled"] as const;
export const REPLIES = ["none", "some", "consistent"] as const;
export const PROMOTIONS = ["none", "light", "active"] as const;
export const RESULTS = ["none", "some", "clear"] as const;
export const TOOLS = ["scheduling", "analytics", "monitoring", "influence", "crm"] as const;
export const ADVOCACY = ["none", "some", "active"] as const;
export const ATTITUDES = ["dismissive", "hesitant", "hopeful", "frustrated", "comfortable", "enthusiastic", "evangelist"] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Rhythm = (typeof RHYTHMS)[number];
export type Replies = (typeof REPLIES)[number];
export type Promotion = (typeof PROMOTIONS)[number];
export type Results = (typeof RESULTS)[number];
export type Tool = (typeof TOOLS)[number];
export type Advocacy = (typeof ADVOCACY)[number];
export type Attitude = (typeof ATTITUDES)[number];

/** The largest value of a PostgreSQL `integer` column. */
export const INT32_MAX = 2_147_483_647;

interface FieldBase<K extends string = string, C extends string = string> {
  /** camelCase key: CheckInFields, the drizzle table, the engine input. */
  key: K;
  /** snake_case column of the interchange format (CSV header, JSON key, form field). */
  column: C;
  /** Must be given (no default). */
  required?: boolean;
  /** Read by the stage engine (part of StageInput). */
  engine?: boolean;
}
export type FieldDef =
  | (FieldBase & { type: "date" })
  | (FieldBase & { type: "email"; maxChars: number })
  | (FieldBase & { type: "text"; maxChars: number; /** how messages name the value, e.g. "the client's name" */ what?: string })
  | (FieldBase & { type: "enum"; values: readonly string[]; default?: string })
  | (FieldBase & { type: "list"; values: readonly string[]; /** one item, in messages */ noun: string })
  | (FieldBase & { type: "int" | "number"; min: number; max: number; default?: number });
export type FieldType = FieldDef["type"];

/**
 * Every field of a check-in, in the format's column order. Bounds are those of the database
 * columns (db/schema.ts: the check constraints, and INT32_MAX for `integer`).
 */
export const CHECKIN_FIELDS = [
  { key: "date", column: "date", type: "date", required: true, engine: true },
  { key: "consultant", column: "consultant", type: "email", maxChars: 320 },
  { key: "accounts", column: "accounts", type: "list", values: PLATFORMS, noun: "platform", engine: true },
  { key: "accountsSince", column: "accounts_since", type: "date", engine: true },
  { key: "postsLast30d", column: "posts_last_30d", type: "int", min: 0, max: 10_000, required: true, engine: true },
  { key: "rhythm", column: "rhythm", type: "enum", values: RHYTHMS, required: true, engine: true },
  { key: "automatedShare", column: "automated_share", type: "number", min: 0, max: 1, default: 0, engine: true },
  { key: "replies", column: "replies", type: "enum", values: REPLIES, required: true, engine: true },
  { key: "promotion", column: "promotion", type: "enum", values: PROMOTIONS, default: "none", engine: true },
  { key: "results", column: "results", type: "enum", values: RESULTS, required: true, engine: true },
  { key: "tools", column: "tools", type: "list", values: TOOLS, noun: "tool", engine: true },
  { key: "mentionResponseHours", column: "mention_response_hours", type: "number", min: 0, max: 720, engine: true },
  { key: "advocacy", column: "advocacy", type: "enum", values: ADVOCACY, default: "none", engine: true },
  { key: "attitude", column: "attitude", type: "enum", values: ATTITUDES, engine: true },
  { key: "followers", column: "followers", type: "int", min: 0, max: INT32_MAX, engine: true },
  { key: "notes", column: "notes", type: "text", maxChars: 5000 },
] as const satisfies readonly FieldDef[];

/** The record's `client` column (a record = a check-in's fields plus the client's name). */
export const CLIENT_FIELD = {
  key: "client", column: "client", type: "text", maxChars: 200, required: true, what: "the client's name",
} as const satisfies FieldDef;

export type CheckInFieldDef = (typeof CHECKIN_FIELDS)[number];
export type FieldKey = CheckInFieldDef["key"];
export type FieldColumn = CheckInFieldDef["column"];
export type EngineFieldDef = Extract<CheckInFieldDef, { engine: true }>;
export type EngineFieldKey = EngineFieldDef["key"];

/** The value a field holds once converted: lists are never null; a field with neither `required` nor a default may be null. */
export type FieldValue<D> = D extends { type: "list"; values: readonly (infer V)[] }
  ? V[]
  : (D extends { type: "enum"; values: readonly (infer V)[] } ? V : D extends { type: "int" | "number" } ? number : string)
    | (D extends { required: true } ? never : D extends { default: unknown } ? never : null);

/** One check-in's observations, without the client it belongs to. Defaults already applied. */
export type CheckInFields = { -readonly [D in CheckInFieldDef as D["key"]]: FieldValue<D> };

/** The fields the stage engine reads (all but consultant and notes). */
export const ENGINE_FIELDS = CHECKIN_FIELDS.filter((d): d is EngineFieldDef => "engine" in d && d.engine === true);

/** Message keys of a field's label and help text (`checkin.fields.posts_last_30d.label`). */
export function fieldLabelKey<C extends string>(d: { column: C }): `checkin.fields.${C}.label` {
  return `checkin.fields.${d.column}.label`;
}
export function fieldHelpKey<C extends string>(d: { column: C }): `checkin.fields.${C}.help` {
  return `checkin.fields.${d.column}.help`;
}
