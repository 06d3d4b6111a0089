"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/primitives";

// What a page shows while it loads and when rendering it failed. Each route group's error.tsx
// places PageError; loading.tsx files place PageLoading, but only where no page below them can
// answer 404 (notFound() or requirePermission()): a Suspense boundary above such a page makes
// Next send 200 before the page decides, so the dashboard group has none.

export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("states.error");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-lg py-10 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">{t("title")}</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t("body")}</p>
      {error.digest ? <p className="mt-2 font-mono text-sm break-all text-slate-700 dark:text-slate-300">{t("reference", { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset} className={buttonClass("primary", "mt-6 px-4 py-2")}>
        {t("retry")}
      </button>
    </div>
  );
}

/** A calm placeholder while a page's data arrives: announced once, shaped like a page. */
export function PageLoading() {
  const t = useTranslations("states");
  return (
    <div role="status" aria-live="polite" className="animate-pulse motion-reduce:animate-none">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="space-y-4">
        <div className="h-7 w-48 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-4 w-80 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-40 rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" />
        <div className="h-24 rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" />
      </div>
    </div>
  );
}
