import { cache } from "react";
import { getClient } from "@/db/queries/clients";
import { listCheckInsWithStages } from "@/db/queries/checkins";
import { listOverrides } from "@/db/queries/overrides";
import { latestSelfAssessment } from "@/db/queries/self-assessments";
import { forActor, requirePermission } from "@/lib/auth/actor";

/**
 * The client page's data, once per request (React cache), or null when the actor may not see the
 * client. This folder's layout awaits it, which both answers a real 404 before loading.tsx streams
 * and lets the page reach the browser with the first paint: a Suspense boundary's content that
 * arrives after the shell is revealed by React at least 300 ms later, after the scripts have run.
 */
export const loadClientPage = cache(async (clientId: string) => {
  const actor = await requirePermission("clients.list");
  const loaded = await forActor(actor, async (db) => {
    const client = await getClient(db, actor, clientId);
    if (!client) return null;
    const [history, overrides, self] = await Promise.all([listCheckInsWithStages(db, actor, clientId), listOverrides(db, actor, clientId), latestSelfAssessment(db, actor, clientId)]);
    return { client, history, overrides, self };
  });
  return loaded ? { actor, ...loaded } : null;
});
