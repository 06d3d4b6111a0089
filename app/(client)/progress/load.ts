import { cache } from "react";
import { clientEngineHistory, getClientProgress } from "@/db/queries/progress";
import { firmSettings } from "@/db/queries/rules";
import { forActor, requirePermission } from "@/lib/auth/actor";

/**
 * The progress page's data, once per request (React cache): the group's layout awaits it before
 * the page streams, so the first paint already carries the page. A Suspense boundary's content
 * that arrives after the shell is revealed by React at least 300 ms later, after the scripts have
 * run: on a phone, that is seconds without the one thing the client came to see.
 */
export const loadProgress = cache(async () => {
  const actor = await requirePermission("progress.read");
  // The firm's applied stage rules: the words are re-derived with the rules the stored stages used.
  const [progress, history, settings] = await forActor(actor, async (db) => {
    const p = await getClientProgress(db, actor);
    return [p, p ? await clientEngineHistory(db, actor, p.client.id) : [], await firmSettings(db, actor)] as const;
  });
  return { actor, progress, history, settings };
});
