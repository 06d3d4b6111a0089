import { notFound } from "next/navigation";
import { getCheckIn, latestCheckIn } from "@/db/queries/checkins";
import { getClient } from "@/db/queries/clients";
import { forActor, requirePermission } from "@/lib/auth/actor";

// What the new, edit and delete check-in pages all start with: a writer, and the client (and
// check-in) as that writer may see them; anything else is the not-found page.

export async function loadClientForCheckIn(clientId: string) {
  const actor = await requirePermission("checkins.write");
  const found = await forActor(actor, async (db) => {
    const client = await getClient(db, actor, clientId);
    return client ? { client, previous: await latestCheckIn(db, actor, clientId) } : null;
  });
  if (!found) notFound();
  return { actor, ...found };
}

export async function loadCheckIn(clientId: string, checkInId: string) {
  const actor = await requirePermission("checkins.write");
  const found = await forActor(actor, async (db) => {
    const [client, checkIn] = await Promise.all([getClient(db, actor, clientId), getCheckIn(db, actor, checkInId)]);
    return client && checkIn && checkIn.clientId === clientId ? { client, checkIn } : null;
  });
  if (!found) notFound();
  return { actor, ...found };
}
