import { notFound } from "next/navigation";
import { getCheckIn } from "@/db/queries/checkins";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { ClientMessages } from "@/components/i18n/ClientMessages";

// A check-in of another client, or one the actor may not change, is a real 404 before the
// loading state of the client's pages streams.
export default async function CheckInLayout({ children, params }: { children: React.ReactNode; params: Promise<{ clientId: string; checkInId: string }> }) {
  const { clientId, checkInId } = await params;
  const actor = await requirePermission("checkins.write");
  const checkIn = await forActor(actor, (db) => getCheckIn(db, actor, checkInId));
  if (!checkIn || checkIn.clientId !== clientId) notFound();
  return <ClientMessages namespaces={["checkin"]}>{children}</ClientMessages>;
}
