import { and, eq, sql, type SQL } from "drizzle-orm";
import { assignments, clients } from "../schema";
import type { Actor } from "../../lib/auth/permissions";

/**
 * The clients an actor may see, as a WHERE condition on `clients`. Every query that
 * touches client data goes through this: a manager sees the firm's clients, a consultant
 * the clients assigned to them, a client user only their own client.
 */
export function clientScope(actor: Actor): SQL {
  switch (actor.role) {
    case "manager":
      return eq(clients.firmId, actor.firmId);
    case "consultant":
      return and(
        eq(clients.firmId, actor.firmId),
        sql`exists (select 1 from ${assignments} where ${assignments.clientId} = ${clients.id} and ${assignments.consultantId} = ${actor.id})`,
      )!;
    case "client":
      return actor.clientId ? and(eq(clients.firmId, actor.firmId), eq(clients.id, actor.clientId))! : sql`false`;
    default:
      return sql`false`;
  }
}

/**
 * clientScope for the rows that carry copies of their client's scope (client_status and
 * stage_spells, migration 0012: firm_id, client_id, consultant_id, industry, archived), as a
 * condition on the table aliased `t`, narrowed by the portfolio's filters. The same clients as
 * clientScope: a client has at most one assignment (its key is the client), and the copy is its
 * consultant. Archived clients are left out unless `withArchived`.
 */
export function copiesScope(actor: Actor, t: string, f: { consultantId?: string | null; industry?: string | null } = {}, withArchived = false): SQL {
  const col = (name: string) => sql.raw(`${t}.${name}`);
  const firm = sql`${col("firm_id")} = ${actor.firmId}::uuid`;
  const who =
    actor.role === "manager"
      ? sql`true`
      : actor.role === "consultant"
        ? sql`${col("consultant_id")} = ${actor.id}::uuid`
        : actor.role === "client" && actor.clientId
          ? sql`${col("client_id")} = ${actor.clientId}::uuid`
          : sql`false`;
  return sql.join(
    [
      firm,
      who,
      withArchived ? sql`true` : sql`not ${col("archived")}`,
      f.industry ? sql`${col("industry")} = ${f.industry}` : sql`true`,
      f.consultantId ? sql`${col("consultant_id")} = ${f.consultantId}::uuid` : sql`true`,
    ],
    sql` and `,
  );
}

/** Re-exported from the one definition, so query modules keep importing it from here. */
export { UUID_RE } from "../../lib/validation/primitives";
