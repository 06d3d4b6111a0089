import { and, asc, eq, sql } from "drizzle-orm";
import { refreshStatus } from "./stage-history";
import type { Db, Tx } from "../index";
import { assignments, clients, users, type Client } from "../schema";
import { can, type Actor } from "../../lib/auth/permissions";
import { todayFor } from "../../lib/time/zone";
import { clientScope, UUID_RE } from "./scope";
import { writeAudit } from "./audit";

/** One client, or null when it does not exist for this actor (the caller answers 404). */
export async function getClient(db: Db | Tx, actor: Actor, clientId: string): Promise<(Client & { consultantId: string | null; consultantName: string | null }) | null> {
  if (!UUID_RE.test(clientId)) return null;
  const [row] = await db
    .select({ client: clients, consultantId: assignments.consultantId, consultantName: users.name })
    .from(clients)
    .leftJoin(assignments, eq(assignments.clientId, clients.id))
    .leftJoin(users, eq(users.id, assignments.consultantId))
    .where(and(eq(clients.id, clientId), clientScope(actor)))
    .limit(1);
  if (!row) return null;
  return { ...row.client, consultantId: row.consultantId, consultantName: row.consultantName };
}

/**
 * The visible client called `name`, whatever its case: a name is unique within a firm (the import
 * matches clients by name too). Null when there is none for this actor. Archived clients count
 * only with `withArchived`. For the forms that pick a client by typing its name instead of
 * choosing it from a list of every client (a 10,000-client firm made /team 4.4 MB).
 */
export async function clientNamed(db: Db | Tx, actor: Actor, name: string, opts: { withArchived?: boolean } = {}): Promise<{ id: string; name: string; consultantId: string | null } | null> {
  const wanted = name.trim();
  if (wanted === "" || wanted.length > 200) return null;
  const [row] = await db
    .select({ id: clients.id, name: clients.name, consultantId: assignments.consultantId })
    .from(clients)
    .leftJoin(assignments, eq(assignments.clientId, clients.id))
    .where(and(eq(clients.nameKey, sql`lower(${wanted})`), clientScope(actor), opts.withArchived ? undefined : eq(clients.archived, false)))
    .limit(1);
  return row ?? null;
}

export interface NewClientInput {
  name: string;
  industry?: string | null;
  notes?: string | null;
  /** Managers may name the lead consultant; a consultant always leads the clients they create. */
  consultantId?: string;
}

export class DuplicateClientError extends Error {
  constructor(name: string) {
    super(`A client named "${name}" already exists.`);
  }
}

export async function createClient(db: Db, actor: Actor, input: NewClientInput): Promise<Client | null> {
  if (!can(actor, "clients.create")) return null;
  return db.transaction((tx) => createClientInTx(tx, actor, input));
}

export async function createClientInTx(tx: Tx, actor: Actor, input: NewClientInput): Promise<Client | null> {
  const consultantId = can(actor, "clients.assign-any-consultant") ? input.consultantId : actor.id;
  if (can(actor, "clients.assign-any-consultant")) {
    if (!consultantId) return null;
    const [c] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, consultantId), eq(users.firmId, actor.firmId), eq(users.role, "consultant")))
      .limit(1);
    if (!c) return null;
  }
  const name = input.name.trim();
  const [dupe] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.firmId, actor.firmId), eq(sql`lower(${clients.name})`, name.toLowerCase())))
    .limit(1);
  if (dupe) throw new DuplicateClientError(name);
  const [client] = await tx
    .insert(clients)
    .values({ firmId: actor.firmId, name, industry: input.industry || null, notes: input.notes || null })
    .returning();
  await tx.insert(assignments).values({ clientId: client.id, consultantId: consultantId!, assignedBy: actor.id });
  await refreshStatus(tx, [client.id]);
  await writeAudit(tx, actor, { action: "client.create", entityType: "client", entityId: client.id, clientId: client.id, after: { name, industry: client.industry, consultantId } });
  return client;
}

export async function setClientArchived(db: Db, actor: Actor, clientId: string, archived: boolean): Promise<Client | null> {
  if (!can(actor, "clients.archive")) return null;
  return db.transaction(async (tx) => {
    const before = await getClient(tx, actor, clientId);
    if (!before) return null;
    const [after] = await tx
      .update(clients)
      .set({ archived, archivedOn: archived ? (before.archived ? before.archivedOn : todayFor(actor)) : null, updatedAt: new Date() })
      .where(and(eq(clients.id, clientId), eq(clients.firmId, actor.firmId)))
      .returning();
    await writeAudit(tx, actor, { action: archived ? "client.archive" : "client.unarchive", entityType: "client", entityId: clientId, clientId, before: { archived: before.archived }, after: { archived } });
    return after;
  });
}

/** The consultants of the actor's firm a manager may make lead of a client (active ones). Empty for other roles. */
/** The consultants the actor may choose as a client's lead; null when the actor does not choose (new clients are theirs). */
export async function listAssignableConsultants(db: Db | Tx, actor: Actor): Promise<{ id: string; name: string; email: string }[] | null> {
  if (!can(actor, "clients.assign-any-consultant")) return null;
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.firmId, actor.firmId), eq(users.role, "consultant"), eq(users.active, true)))
    .orderBy(asc(users.name));
}
