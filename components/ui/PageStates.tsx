"use client";

import { useEffect, useRef } from "react";

// What a page shows when rendering it failed; each route group's error.tsx places it. There is
// deliberately no route-level loading.tsx: its Suspense boundary makes Next send 200 before a
// page can answer 404 for what the actor may not see.

export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-lg py-10 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        This page could not be shown. Nothing you saved was lost. Try again, and if it keeps happening, tell us the reference below.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-sm text-slate-700">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
        Try again
      </button>
    </div>
  );
}
