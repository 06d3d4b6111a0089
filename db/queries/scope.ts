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

/** Re-exported from the one definition, so query modules keep importing it from here. */
export { UUID_RE } from "../../lib/validation/primitives";
