import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { assignments, clients, firms, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";

// Small builders for a test's own firms, users and clients. A test that changes a user (role,
// deactivation, session version) or a client makes its own here instead of mutating a seeded
// demo user that other tests in the file read, so no test depends on another's leftovers.

const short = () => randomUUID().slice(0, 8);

export async function makeFirm(db: Db, name = `Test firm ${short()}`): Promise<{ id: string; name: string }> {
  const [firm] = await db.insert(firms).values({ name }).returning({ id: firms.id, name: firms.name });
  return firm!;
}

export async function makeUser(
  db: Db,
  firmId: string,
  role: Actor["role"],
  opts: { name?: string; email?: string; clientId?: string; passwordHash?: string } = {},
): Promise<Actor & { sessionVersion: number }> {
  const tag = short();
  const [u] = await db
    .insert(users)
    .values({
      firmId,
      role,
      name: opts.name ?? `Test ${role} ${tag}`,
      email: opts.email ?? `${role}-${tag}@factory.test`,
      clientId: role === "client" ? opts.clientId : null,
      passwordHash: opts.passwordHash ?? null,
    })
    .returning();
  return { id: u!.id, firmId: u!.firmId, role: u!.role, clientId: u!.clientId, email: u!.email, name: u!.name, sessionVersion: u!.sessionVersion };
}

/** A client of the lead consultant's firm, assigned to them. */
export async function makeClient(db: Db, lead: Pick<Actor, "id" | "firmId">, name = `Test client ${short()}`): Promise<{ id: string; name: string }> {
  const [c] = await db.insert(clients).values({ firmId: lead.firmId, name }).returning({ id: clients.id, name: clients.name });
  await db.insert(assignments).values({ clientId: c!.id, consultantId: lead.id });
  return c!;
}

/** A firm with a manager and a consultant who leads one client. */
export async function makeFirmWithConsultant(db: Db) {
  const firm = await makeFirm(db);
  const manager = await makeUser(db, firm.id, "manager");
  const consultant = await makeUser(db, firm.id, "consultant");
  const client = await makeClient(db, consultant);
  return { firm, manager, consultant, client };
}

/**
 * After a fixture wrote stage_assessments directly (to fix each stage by hand), derives the stored
 * spells and status from them, as the app's writers do with the engine's history.
 */
export async function deriveStoredStatus(db: Db): Promise<void> {
  const { rederiveFromStoredHistory } = await import("@/db/queries/stage-history");
  const rows = await db.select({ id: clients.id }).from(clients);
  await db.transaction((tx) => rederiveFromStoredHistory(tx, rows.map((r) => r.id)));
}
