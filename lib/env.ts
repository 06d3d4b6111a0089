import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .optional()
  .or(z.literal("").transform(() => undefined));

const namedStatementsSetting = z.enum(["on", "off"]).default("on");

/**
 * DATABASE_NAMED_STATEMENTS alone, for every PostgreSQL pool (db/index.ts openDatabase): scripts
 * and tests open pools without the app's other variables, which env() would check too.
 */
export function namedStatementsOn(): boolean {
  const parsed = namedStatementsSetting.safeParse(process.env.DATABASE_NAMED_STATEMENTS || undefined);
  if (!parsed.success) throw new Error(`Invalid environment:\n  DATABASE_NAMED_STATEMENTS: must be "on" or "off", got ${JSON.stringify(process.env.DATABASE_NAMED_STATEMENTS)}`);
  return parsed.data === "on";
}

// Environment variables, checked once. Errors name the variable and what to do.
const schema = z
  .object({
    DATABASE_URL: postgresUrl,
    // PostgreSQL itself, as the owner, for migrations: their advisory lock belongs to a session,
    // which a transaction pooler (PgBouncer) does not keep. Unset: DATABASE_URL.
    DATABASE_DIRECT_URL: postgresUrl,
    // A read replica for the portfolio and exports (docs/scaling.md). Unset: they read the primary.
    DATABASE_READ_URL: postgresUrl,
    // Statements sent under names, so PostgreSQL keeps their plans (db/named-statements.ts). "off"
    // behind a transaction pooler that cannot keep them: PgBouncer before 1.21.
    DATABASE_NAMED_STATEMENTS: namedStatementsSetting,
    // Past this replication lag those reads go to the primary instead.
    DATABASE_READ_MAX_LAG_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).max(3600).default(30)),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // The role the app switches to after connecting, so row-level security holds even when the
    // login is the owner. Nothing is switched when DATABASE_URL logs in as this role itself (the
    // way through PgBouncer), or with "none" when the login is another role without BYPASSRLS.
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a plain PostgreSQL role name, or none")
      .default("stageline_app"),
  })
  .superRefine((e, ctx) => {
    for (const key of ["DATABASE_DIRECT_URL", "DATABASE_READ_URL"] as const) {
      if (e[key] && !e.DATABASE_URL) ctx.addIssue({ code: "custom", path: [key], message: "needs DATABASE_URL (the primary) as well" });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** "memory://" keeps the embedded database in memory (tests). */
export function isMemoryPglite(dir: string): boolean {
  return dir.startsWith("memory://");
}

/**
 * The secret that signs sessions. With the embedded database the quick start needs no
 * set-up, so one is generated on first start and kept beside the data; with a real
 * PostgreSQL server a missing AUTH_SECRET is a deployment mistake and stops the start.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. With DATABASE_URL every app instance must share one secret: " +
        "set AUTH_SECRET to a random string of 32+ characters (e.g. `openssl rand -base64 32`).",
    );
  }
  if (isMemoryPglite(e.PGLITE_DIR)) {
    cached = { ...e, AUTH_SECRET: randomBytes(32).toString("base64url") };
    return cached.AUTH_SECRET!;
  }
  const file = path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ e.PGLITE_DIR)), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  cached = { ...e, AUTH_SECRET: secret };
  return secret;
}
