"use client";

import { useEffect, useRef } from "react";

/**
 * The result of a save or an action, announced (role=status) and focused when it appears, so a
 * keyboard or screen-reader user lands on what happened.
 */
export function FocusedStatus({ children, className = "", testId }: { children: React.ReactNode; className?: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="status"
      tabIndex={-1}
      data-testid={testId}
      className={`mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100 ${className}`}
    >
      {children}
    </div>
  );
}
