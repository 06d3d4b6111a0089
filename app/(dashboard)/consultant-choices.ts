import { listAssignableConsultants } from "@/db/queries/clients";
import { forActor, requirePermission } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

/** For pages that create clients (new client, import): the actor, and the consultants they may choose as lead (null: new clients are theirs). */
export async function withConsultantChoices(permission: Permission) {
  const actor = await requirePermission(permission);
  return { actor, consultants: await forActor(actor, (db) => listAssignableConsultants(db, actor)) };
}
