// Zod schemas of the API: the same objects validate requests at run time and generate the
// OpenAPI document (lib/api/openapi.ts), so the two cannot drift apart. Check-in bodies are
// validated by the format module's own converter (checkInFieldsSchema); their documented
// shape below is generated from the same field definitions (lib/checkin-format/doc-schemas.ts).
import "zod-openapi";
import { z } from "zod";
import { LIMITS } from "../checkin-format";
import { clientInputSchema, fieldsInputShape, fieldsOutputShape } from "../checkin-format/doc-schemas";
import { isCalendarDate, stageInputSchema, stageSchema, uuidSchema } from "../validation/primitives";
import { FLAGS } from "../flags";

// A real calendar date: "2026-13-45" matches the pattern but is no day, and must be a 400, not a crash further on.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate, "must be a real calendar date (YYYY-MM-DD)")
  .meta({ format: "date", example: "2026-03-02" });
const uuid = uuidSchema;
const stage = stageSchema;

// ---- errors ----------------------------------------------------------------------------------

export const errorDetailSchema = z
  .object({
    line: z.number().int().optional().meta({ description: "CSV: the file line of the record (header = line 1)." }),
    index: z.number().int().optional().meta({ description: "JSON: the 0-based position of the record in the array." }),
    column: z.string().nullable().meta({ description: "The column or field at fault; null when the problem is not one column's." }),
    message: z.string(),
  })
  .meta({ id: "ErrorDetail" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string(),
      details: z.array(errorDetailSchema),
    }),
  })
  .meta({ id: "Error" });

// ---- check-ins --------------------------------------------------------------------------------

/** One record of the interchange format without `client` (shared/checkin-format.md), as the API accepts it; generated from CHECKIN_FIELDS. */
export const checkInFieldsDoc = z
  .object(fieldsInputShape())
  .strict()
  .meta({ id: "CheckInFieldsInput", description: "One record of the check-in interchange format, without `client`. Unknown keys are errors; `consultant` defaults to the caller." });

export const checkInPatchDoc = checkInFieldsDoc
  .partial()
  .meta({ id: "CheckInPatch", description: "Fields to change; the others keep their stored values. The result is validated as a whole." });

export const checkInRecordDoc = checkInFieldsDoc.extend({ client: clientInputSchema() }).meta({ id: "CheckInRecord" });

const checkInFieldsOut = z
  .object(fieldsOutputShape())
  .extend({ notes: z.string().nullable().meta({ description: "Null for client users when the consultant kept the notes internal." }) })
  .meta({ id: "CheckInFields" });

export const assessmentSchema = z
  .object({
    stage,
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    missing: z.array(z.string()),
  })
  .meta({ id: "StageAssessment" });

export const checkInSchema = z
  .object({
    id: uuid,
    clientId: uuid,
    version: z.number().int().meta({ description: "Send it back in If-Match to change or delete the check-in." }),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
    fields: checkInFieldsOut,
    assessment: assessmentSchema.nullable().meta({ description: "The stage inferred as of this check-in." }),
  })
  .meta({ id: "CheckIn" });

export const checkInWriteSchema = z
  .object({
    checkIn: checkInSchema,
    stageBefore: stage.nullable(),
    stageAfter: stage.nullable(),
  })
  .meta({ id: "CheckInWriteResult" });

export const checkInDeleteSchema = z.object({ deleted: z.literal(true), clientId: uuid, stageBefore: stage.nullable(), stageAfter: stage.nullable() });

// ---- pagination ----------------------------------------------------------------------------------

const limit = z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size, 1-200 (default 50)." });
const cursor = z.string().max(500).optional().meta({ description: "The nextCursor of the previous page." });
export const pageQuery = z.object({ cursor, limit });
const nextCursor = z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last page." });

export const checkInPageSchema = z.object({ data: z.array(checkInSchema), nextCursor }).meta({ id: "CheckInPage" });

// ---- clients -------------------------------------------------------------------------------------

export const clientsQuery = z.object({
  stage: stageInputSchema.optional().meta({ description: "Only clients currently in this stage (1-6)." }),
  q: z.string().trim().max(200).optional().meta({ description: "Case-insensitive part of the client's name." }),
  name: z.string().trim().max(200).optional().meta({ description: "The client's whole name, whatever its case (names are unique within a firm): at most one client." }),
  cursor,
  limit,
});

export const clientSchema = z
  .object({
    id: uuid,
    name: z.string(),
    industry: z.string().nullable(),
    archived: z.boolean(),
    consultantId: uuid.nullable(),
    consultantName: z.string().nullable(),
    checkInCount: z.number().int(),
    lastCheckIn: date.nullable(),
    stage: stage.nullable().meta({ description: "The inferred stage as of the latest check-in." }),
    confidence: z.number().nullable(),
    stageSince: date.nullable(),
    daysInStage: z.number().int().nullable(),
    overrideStage: stage.nullable().meta({ description: "The consultant's override in force, if any." }),
    flags: z.array(z.enum(FLAGS as unknown as [string, ...string[]])),
  })
  .meta({ id: "Client" });

export const clientPageSchema = z.object({ data: z.array(clientSchema), nextCursor }).meta({ id: "ClientPage" });

export const newClientSchema = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.clientChars),
    industry: z.string().trim().max(200).nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
    consultantId: uuid.optional().meta({ description: "Managers: the lead consultant (required). Consultants always lead the clients they create." }),
  })
  .strict()
  .meta({ id: "NewClient" });

// ---- stages --------------------------------------------------------------------------------------

export const stageHistorySchema = z
  .object({
    client: z.string(),
    history: z.array(z.object({ date, stage, confidence: z.number(), reasons: z.array(z.string()), missing: z.array(z.string()) })),
    overrides: z.array(
      z.object({
        id: uuid,
        stage,
        reason: z.string(),
        internal: z.boolean(),
        effectiveDate: date,
        createdAt: z.string().meta({ format: "date-time" }),
        withdrawnAt: z.string().meta({ format: "date-time" }).nullable(),
      }),
    ),
  })
  .meta({ id: "StageHistory", description: "One entry of the `stages` command's output, plus the consultant's overrides (newest first)." });

export const outlookSchema = z
  .object({
    stage: stage.nullable().meta({ description: "The current inferred stage (null before the first check-in)." }),
    days_in_stage: z.number().int().nullable().meta({ description: "Days since the current stage began, to your local today." }),
    unavailable: z
      .enum(["no-stage", "top-stage", "archived", "no-comparable"])
      .nullable()
      .meta({ description: "Why there is no estimate: no stage yet, stage 6 (the top: leaving it can only mean slipping back), an archived client, or no stay in either source lasted this long. Null when there is one." }),
    source: z.enum(["firm", "all-firms"]).nullable().meta({ description: "`firm`: your firm's own stays; `all-firms`: all firms' anonymous aggregates, used when your firm has fewer than 30 comparable stays." }),
    comparable: z.number().int().meta({ description: "Stays in this stage, in the source used, that lasted at least `days_in_stage` days (this client's own not counted)." }),
    moved_on_within_90_days: z.number().min(0).max(1).nullable().meta({ description: "Kaplan–Meier estimate of the share of them that left the stage (either way) within the next 90 days." }),
    typical_remaining_days: z.number().int().nullable().meta({ description: "The conditional median of the days still to come; null when not reached (more than `follow_up_days`)." }),
    follow_up_days: z.number().int().nullable().meta({ description: "How many days past `days_in_stage` the comparable stays were followed." }),
    overdue: z.boolean().meta({ description: "The client list's `overdue` flag: far longer in the stage than stays there usually last." }),
  })
  .meta({ id: "Outlook", description: "How stays like this client's current one went on, conditional on the time already spent." });

// ---- import / export -----------------------------------------------------------------------------

export const importQuery = z.object({
  consultantId: uuid.optional().meta({ description: "Managers: the consultant who leads clients the import creates." }),
});

export const importResultSchema = z
  .object({
    createdClients: z.array(z.object({ id: uuid, name: z.string() })),
    createdCheckIns: z.number().int(),
    skippedDuplicates: z.number().int(),
  })
  .meta({ id: "ImportResult" });

export const exportQuery = z.object({
  format: z.enum(["csv", "json"]).default("json"),
  client: uuid.optional().meta({ description: "Only this client's check-ins." }),
});

// ---- portfolio -----------------------------------------------------------------------------------

export const portfolioQuery = z.object({
  from: date.optional().meta({ description: "Start of the period (default: a year before `to`)." }),
  to: date.optional().meta({ description: "End of the period (default: today)." }),
  consultantId: uuid.optional(),
  industry: z.string().max(200).optional(),
});

export const portfolioSchema = z
  .object({
    filters: z.object({ consultantId: uuid.nullable(), industry: z.string().nullable(), from: date, to: date }),
    totalClients: z.number().int(),
    withoutStage: z.number().int(),
    distribution: z.array(z.object({ stage, count: z.number().int() })),
    overTime: z.array(z.object({ month: z.string(), asOf: date, counts: z.array(z.number().int()) }).loose()),
    flows: z.array(z.object({ from: stage, to: stage, direction: z.enum(["forward", "backward"]), count: z.number().int(), clients: z.number().int() })),
    timeInStage: z.array(z.object({ stage, spells: z.number().int(), min: z.number(), median: z.number(), max: z.number() }).loose()),
    attention: z.record(z.string(), z.array(z.object({ id: uuid, name: z.string(), stage: stage.nullable() }).loose())),
    consultants: z.array(z.object({ consultantId: uuid.nullable(), consultantName: z.string().nullable(), clients: z.number().int(), stageMix: z.array(z.number().int()), netMovement: z.number() }).loose()),
  })
  .loose()
  .meta({ id: "Portfolio", description: "The numbers behind the portfolio charts." });

export const timeInStageQuery = portfolioQuery.extend({
  consultant: uuid.optional().meta({ description: "Only this consultant's clients (the same as `consultantId`)." }),
});

const survivalPointSchema = z.object({
  day: z.number().int(),
  survival: z.number().meta({ description: "Estimated share still in the stage at the end of `day` (Kaplan–Meier)." }),
  at_risk: z.number().int().meta({ description: "Stays still in the stage just before `day`." }),
  lower: z.number().meta({ description: "95% confidence band, Greenwood's variance on the log(−log) scale." }),
  upper: z.number(),
});

export const timeInStageSchema = z
  .object({
    filters: z.object({ consultant_id: uuid.nullable(), industry: z.string().nullable(), from: date, to: date }),
    stages: z.array(
      z.object({
        stage,
        spells: z.number().int().meta({ description: "Stays in the stage open at any time in the period (their length counts from their own start)." }),
        events: z.number().int().meta({ description: "Stays that ended by the period end (or the client's archive date)." }),
        censored: z.number().int().meta({ description: "Stays still open at the period end, or when the client was archived." }),
        median_days: z.number().int().nullable().meta({ description: "First day the estimate is at or below 0.5; null when not reached." }),
        forward_exits: z.number().int().meta({ description: "Ended stays that moved to a higher stage." }),
        forward_share: z.number().nullable().meta({ description: "forward_exits / events; null when none ended." }),
        max_days: z.number().int().nullable().meta({ description: "The longest stay observed, ended or not." }),
        curve: z.array(survivalPointSchema).meta({ description: "Step points: day 0 (survival 1), then one per day on which a stay ended." }),
      }),
    ),
  })
  .meta({ id: "TimeInStage", description: "Time in stage as Kaplan–Meier survival curves, per stage 1–6." });

// ---- tokens --------------------------------------------------------------------------------------

export const newTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .strict()
  .meta({ id: "NewToken" });

export const tokenSchema = z
  .object({
    id: uuid,
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to tell tokens apart." }),
    expiresAt: z.string().meta({ format: "date-time" }).nullable(),
    lastUsedAt: z.string().meta({ format: "date-time" }).nullable(),
    revokedAt: z.string().meta({ format: "date-time" }).nullable(),
    createdAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "Token" });

export const createdTokenSchema = tokenSchema
  .extend({ token: z.string().meta({ description: "The secret, shown this once; only its hash is stored.", example: "stl_…" }) })
  .meta({ id: "CreatedToken" });

// ---- path parameters -----------------------------------------------------------------------------

export const idParam = z.object({ id: uuid });
