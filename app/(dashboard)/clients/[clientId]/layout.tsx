import { notFound } from "next/navigation";
import { getClient } from "@/db/queries/clients";
import { forActor, requirePermission } from "@/lib/auth/actor";

// A client the actor may not see is a real 404, decided here before loading.tsx streams.
export default async function ClientLayout({ children, params }: { children: React.ReactNode; params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const actor = await requirePermission("clients.list");
  if (!(await forActor(actor, (db) => getClient(db, actor, clientId)))) notFound();
  return children;
}
