import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getCheckIn } from "@/db/queries/checkins";
import { getClient } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";

// What the new, edit and delete check-in pages all start with: a writer, and the client (and
// check-in) as that writer may see them; anything else is the not-found page.

export async function loadClientForCheckIn(clientId: string) {
  const actor = await requirePermission("checkins.write");
  const db = await getDb();
  const client = await getClient(db, actor, clientId);
  if (!client) notFound();
  return { actor, db, client };
}

export async function loadCheckIn(clientId: string, checkInId: string) {
  const loaded = await loadClientForCheckIn(clientId);
  const checkIn = await getCheckIn(loaded.db, loaded.actor, checkInId);
  if (!checkIn || checkIn.clientId !== clientId) notFound();
  return { ...loaded, checkIn };
}
