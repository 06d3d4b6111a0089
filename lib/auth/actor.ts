import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "../../db";
import { actorForSession } from "../../db/queries/users";
import { auth } from "./config";
import { can, type Actor, type Permission } from "./permissions";

/** The signed-in actor, looked up once per request; null when signed out, deactivated or stale. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.userId || typeof session.sessionVersion !== "number") return null;
  return actorForSession(await getDb(), session.userId, session.sessionVersion);
});

/** For pages and server actions: signed-out visitors go to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages and server actions: a missing permission looks exactly like a missing page. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) notFound();
  return actor;
}
