import { getClientOutlook } from "@/db/queries/insight/outlook";
import { forActor } from "@/lib/auth/actor";
import { OUTLOOK_HORIZON_DAYS, OUTLOOK_MIN_COMPARABLE } from "@/lib/insight/outlook";
import { todayFor } from "@/lib/time/zone";
import { OutlookCard } from "@/components/insight/OutlookCard";
import { loadClientPage } from "./load";

/**
 * The client page's outlook card: loads the outlook for the page's actor (React-cached page data)
 * as of their own today. Client users never reach this page; getClientOutlook refuses them anyway.
 */
export async function OutlookSection({ clientId, className }: { clientId: string; className?: string }) {
  const loaded = await loadClientPage(clientId);
  if (!loaded) return null;
  const { actor } = loaded;
  const outlook = await forActor(actor, (db) => getClientOutlook(db, actor, clientId, todayFor(actor)));
  if (!outlook) return null;
  return <OutlookCard outlook={outlook} horizon={OUTLOOK_HORIZON_DAYS} minComparable={OUTLOOK_MIN_COMPARABLE} className={className} />;
}
