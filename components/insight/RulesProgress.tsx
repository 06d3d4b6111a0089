"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { mutedClass } from "@/components/ui/primitives";

/** A run applying a rule version (db/queries/rules.ts RecomputeRun), as the page hands it over. */
export interface RecomputeRunView {
  version: number;
  total: number;
  done: number;
  finishedAt: string | null;
  error: string | null;
}

export interface RecomputeStatusView {
  appliedVersion: number;
  run: RecomputeRunView | null;
}

const POLL_MS = 1000;

/**
 * The bar of a rule version being applied. It asks the server for progress every second (the
 * poll also takes over a run whose instance died) and refreshes the page once the version is in
 * use, so every figure on it is then the new rules'.
 */
export function RulesProgress({ version, initial, poll }: { version: number; initial: RecomputeStatusView; poll: () => Promise<RecomputeStatusView> }) {
  const t = useTranslations("rules");
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const finished = status.appliedVersion >= version || (status.run !== null && status.run.version === version && status.run.finishedAt !== null);

  useEffect(() => {
    if (finished) {
      router.refresh();
      return;
    }
    let stop = false;
    const timer = setTimeout(async () => {
      try {
        const next = await poll();
        if (!stop) setStatus(next);
      } catch {
        // A failed poll (a restart, a blip) is tried again on the next tick.
        if (!stop) setStatus((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [status, finished, poll, router]);

  const run = status.run && status.run.version === version ? status.run : null;
  const total = run?.total ?? 0;
  const done = finished ? total : (run?.done ?? 0);
  return (
    <section aria-labelledby="rules-progress-title" className="rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-50" data-testid="rules-progress">
      <h2 id="rules-progress-title" className="font-semibold">
        {t("progressTitle", { version })}
      </h2>
      <progress className="mt-2 block h-3 w-full" aria-label={t("progressLabel")} value={done} max={Math.max(total, 1)} />
      <p className="mt-1" role="status">
        {finished ? t("progressDone", { version }) : total > 0 && done > 0 ? t("progressCount", { done, total }) : t("progressWaiting")}
      </p>
      {!finished ? <p className={`mt-1 ${mutedClass}`}>{t("progressNote")}</p> : null}
      {!finished && run?.error ? <p className="mt-1 text-red-800 dark:text-red-200">{t("progressError", { error: run.error })}</p> : null}
    </section>
  );
}
