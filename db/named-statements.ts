import { createHash } from "node:crypto";

/**
 * Named statements for a PostgreSQL pool: every statement with parameters is sent under a name
 * derived from its text, so each server connection parses it once and PostgreSQL keeps its plan
 * (its plan cache: five custom plans, then a generic one if that costs no more), instead of
 * planning it again for every request. node-postgres otherwise sends unnamed statements, which
 * PostgreSQL plans on every Bind: under row-level security the client list's statement took
 * 5 to 6 ms to plan and 1 ms to run (docs/performance.md, stop 35).
 *
 * node-postgres already remembers, per connection, which names it has parsed, and sends only Bind
 * and Execute for them. A connection names at most `MAX_PER_CONNECTION` texts; past that, new
 * texts go unnamed, so a query whose text varies (an IN list of many lengths) cannot fill a
 * server connection's memory with plans. Nor are statements of more than `MAX_PARAMETERS`
 * parameters named (below).
 *
 * Not through a transaction pooler: PgBouncer before 1.21 (Debian 12 ships 1.18) sends each
 * transaction to any server connection, where a name parsed on another does not exist. There,
 * DATABASE_NAMED_STATEMENTS=off (docs/scaling.md).
 */

export const MAX_PER_CONNECTION = 500;
/**
 * Bulk statements go unnamed: a multi-row insert of an import or a seed spends its time running,
 * not planning, and a kept plan of thousands of parameters would hold its memory in the server
 * connection for the connection's life.
 */
export const MAX_PARAMETERS = 256;

interface QueryConfigLike {
  text: string;
  name?: string;
  values?: unknown[];
  [key: string]: unknown;
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

const names = new Map<string, string>();

/** The statement's name: a digest of its text (PostgreSQL keeps 63 bytes of a name). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sl_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
    // The texts are the app's own statements; the cap only guards against a text built per call.
    if (names.size >= 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/** A query config object, not a submittable (a pg-cursor, a pg-query-stream) that must stay itself. */
function isPlainConfig(config: unknown): config is QueryConfigLike {
  return typeof config === "object" && config !== null && Object.getPrototypeOf(config) === Object.prototype;
}

/** PostgreSQL's codes for a named statement it does not have, and for one it already has. */
const NAME_TROUBLE = new Set(["26000", "42P05"]);

/** A name the server lost or doubled means a transaction pooler between: say so, and what to do. */
export function explainNameTrouble(err: unknown): unknown {
  if (err instanceof Error && NAME_TROUBLE.has((err as Error & { code?: string }).code ?? "")) {
    err.message =
      `${err.message}. The server connection does not keep this process's named statements: DATABASE_URL probably ` +
      "goes through a transaction pooler (PgBouncer before 1.21, or without max_prepared_statements). " +
      "Set DATABASE_NAMED_STATEMENTS=off (docs/scaling.md).";
  }
  return err;
}

/** Make `client.query` name its parameterised statements (see above). */
export function nameStatements(client: { query: QueryFn }, max: number = MAX_PER_CONNECTION): void {
  const original = client.query;
  const prepared = new Set<string>();
  client.query = function (this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    let text: string | undefined;
    let base: QueryConfigLike | undefined;
    if (typeof config === "string") {
      text = config;
      base = { text };
    } else if (isPlainConfig(config) && typeof config.text === "string" && !config.name) {
      base = config;
      text = base.text;
    }
    const params = Array.isArray(values) ? values : base?.values;
    if (base && text && params && params.length > 0 && params.length <= MAX_PARAMETERS) {
      const name = statementName(text);
      if (prepared.has(name) || prepared.size < max) {
        prepared.add(name);
        const result = original.call(this, { ...base, name }, values, callback);
        if (result instanceof Promise) {
          return result.catch((err: unknown) => {
            throw explainNameTrouble(err);
          });
        }
        return result;
      }
    }
    return original.call(this, config, values, callback);
  } as QueryFn;
}
