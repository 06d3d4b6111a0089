import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getDb, type Db } from "../../db";
import { inFirm } from "../../db/tenant";
import { sessionActor } from "../../db/queries/sessions";
import { readSessionClaims } from "./session-cookie";
import { can, type Actor, type Permission } from "./permissions";

/** The session cookie's claims, read once per request (lib/auth/session-cookie.ts). */
const sessionClaims = cache(async () => {
  const h = await headers();
  return readSessionClaims(h.get("cookie"), h.get("x-forwarded-proto"));
});

/** The signed-in actor, looked up once per request; null when signed out, deactivated or stale. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
  return claims && sessionActor(await getDb(), claims);
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

/** The current session row's id, for "keep this session" when the password changes. */
export const currentSessionId = async (): Promise<string | null> => (await sessionClaims())?.sessionId ?? null;

/**
 * For pages: runs the page's queries in one transaction naming the actor's firm, so row-level
 * security lets them see that firm's rows and nothing else. Use the `db` it passes in.
 */
export async function forActor<T>(actor: Actor, fn: (db: Db) => Promise<T>): Promise<T> {
  return inFirm(await getDb(), actor.firmId, fn);
}
