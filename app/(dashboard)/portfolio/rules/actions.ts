"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getDatabase, getDb } from "@/db";
import { getRecomputeStatus, resetRules, runIsStale, saveRules, whatIf, type RecomputeRun } from "@/db/queries/rules";
import { action, fail, ok } from "@/lib/auth/action";
import { forActor, getActor } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { runPendingRecompute } from "@/lib/insight/recompute";
import type { WhatIfResult } from "@/lib/insight/what-if";
import { SETTING_KEYS, type SettingsError } from "@/lib/stages";

// Every action here is a public endpoint: each checks rules.manage (the wrapper, and the query
// again). The settings are validated by the engine's own parseSettings; errors go back as codes.

const settingsForm = z.object(Object.fromEntries(SETTING_KEYS.map((k) => [k, z.string().max(40).optional()])));
const PATH = "/portfolio/rules";

function fieldErrors(errors: SettingsError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field || "form"] ??= e.code;
  return out;
}

/** Applies the firm's pending rule version after the response (lib/insight/recompute.ts). */
function startRecompute(firmId: string): void {
  after(async () => {
    await runPendingRecompute((await getDatabase()).db, firmId);
  });
}

export const previewRulesAction = action("rules.manage", settingsForm, async (input, { actor }) => {
  const r = await whatIf(await getDb(), actor, input);
  if (!r) notFound();
  if (!r.ok) return fail(fieldErrors(r.errors));
  return ok<WhatIfResult>(r.result);
});

async function saved(actor: Actor, r: Awaited<ReturnType<typeof saveRules>>) {
  if (!r) notFound();
  if (!r.ok) return fail(fieldErrors(r.errors));
  if (!r.unchanged) {
    startRecompute(actor.firmId);
    revalidatePath(PATH);
  }
  return ok({ version: r.version, unchanged: r.unchanged });
}

export const saveRulesAction = action("rules.manage", settingsForm, async (input, { actor }) => saved(actor, await saveRules(await getDb(), actor, input)));

export const resetRulesAction = action("rules.manage", z.object({}), async (_input, { actor }) => saved(actor, await resetRules(await getDb(), actor)));

export interface RecomputeStatus {
  appliedVersion: number;
  run: RecomputeRun | null;
}

/**
 * The progress bar's poll. A run nobody is working on (its instance died) is taken over here, so
 * the page a manager is watching finishes the job.
 */
export async function recomputeStatusAction(): Promise<RecomputeStatus> {
  const actor = await getActor();
  if (!actor || !can(actor, "rules.manage")) notFound();
  const status = await forActor(actor, (db) => getRecomputeStatus(db, actor));
  if (!status) notFound();
  if (runIsStale(status.run)) startRecompute(actor.firmId);
  return status;
}
