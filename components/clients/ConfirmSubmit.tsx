"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

// Component classes in app/globals.css: a list page has one of these on every row.
const plain = "sl-btn";
const danger = "sl-btn-danger";

/**
 * A two-step submit for actions that are hard to take back (archive, withdraw override): the
 * first button only asks, "Confirm …" posts the form, "Cancel" goes back. Without JavaScript the
 * first step is a link to `askHref` (the page renders this control already asking, from its URL)
 * and Cancel is a link to `cancelHref`.
 */
export function ConfirmSubmit({
  action,
  fields,
  label,
  ariaLabel,
  confirmLabel,
  confirmAriaLabel,
  cancelLabel,
  askHref,
  cancelHref,
  asking = false,
  className = "",
}: {
  action: (form: FormData) => void | Promise<void>;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  confirmLabel: string;
  confirmAriaLabel?: string;
  cancelLabel: string;
  askHref: string;
  cancelHref: string;
  /** Render already asking (the no-JavaScript path, from the URL). */
  asking?: boolean;
  className?: string;
}) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [confirming, setConfirming] = useState(asking);
  const moved = useRef(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // Focus follows the step the user just took (not on first render).
  useEffect(() => {
    if (!moved.current) return;
    (confirming ? confirmRef.current : triggerRef.current)?.focus();
  }, [confirming]);

  const go = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };

  if (!confirming) {
    return hydrated ? (
      <button ref={triggerRef} type="button" className={`${plain} ${className}`} aria-label={ariaLabel} onClick={() => go(true)}>
        {label}
      </button>
    ) : (
      <a href={askHref} className={`${plain} ${className}`} aria-label={ariaLabel}>
        {label}
      </a>
    );
  }
  return (
    <form action={action} className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button ref={confirmRef} type="submit" className={danger} aria-label={confirmAriaLabel} autoFocus={asking}>
        {confirmLabel}
      </button>
      {hydrated ? (
        <button type="button" className={plain} onClick={() => go(false)}>
          {cancelLabel}
        </button>
      ) : (
        <a href={cancelHref} className={plain}>
          {cancelLabel}
        </a>
      )}
    </form>
  );
}
