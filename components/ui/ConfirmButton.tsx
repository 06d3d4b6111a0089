"use client";
import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/primitives";

type Tone = "secondary" | "danger";

function Submit({ label, ariaLabel, tone }: { label: string; ariaLabel: string; tone: Tone }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={ariaLabel} className={buttonClass(tone, "px-2 py-1 whitespace-nowrap")}>
      {label}
    </button>
  );
}

/**
 * A row action that posts a few hidden fields to a server action, then says what happened in a
 * toast. With `confirm`, the first click only asks: "Confirm" (named "Confirm: <ariaLabel>") and
 * "Cancel" take its place, with an optional warning, and Escape or Cancel puts the button back.
 */
export function ConfirmButton({
  action,
  fields,
  label,
  ariaLabel,
  done,
  confirm = true,
  warning,
  tone = "secondary",
  confirmTone = "danger",
}: {
  action: (form: FormData) => void | Promise<void>;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  /** The toast once the action has succeeded. */
  done: string;
  confirm?: boolean;
  /** What confirming will do, shown while asking. */
  warning?: string;
  tone?: Tone;
  confirmTone?: Tone;
}) {
  const t = useTranslations("states.confirm");
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLDivElement>(null);
  // Where focus goes when the question opens (its confirm button) or closes (the first button).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    if (asking) group.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    else first.current?.focus();
  }, [asking]);

  const ask = (open: boolean) => {
    moved.current = true;
    setAsking(open);
  };

  async function submit(form: FormData) {
    try {
      await action(form);
      toast.success(done);
    } catch (err) {
      unstable_rethrow(err);
      toast.error(t("failed"));
    }
    if (confirm) ask(false);
  }

  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (!confirm) {
    return (
      <form action={submit}>
        {hidden}
        <Submit label={label} ariaLabel={ariaLabel} tone={tone} />
      </form>
    );
  }
  if (!asking) {
    return (
      <button ref={first} type="button" onClick={() => ask(true)} aria-label={ariaLabel} className={buttonClass(tone, "px-2 py-1 whitespace-nowrap")}>
        {label}
      </button>
    );
  }
  return (
    <div
      ref={group}
      role="group"
      aria-label={ariaLabel}
      className="max-w-xs text-left"
      onKeyDown={(e) => {
        if (e.key === "Escape") ask(false);
      }}
    >
      {warning ? <p className="mb-1 text-xs text-slate-700 dark:text-slate-300">{warning}</p> : null}
      <form action={submit} className="flex flex-wrap gap-1.5">
        {hidden}
        <Submit label={t("yes")} ariaLabel={t("yesAria", { action: ariaLabel })} tone={confirmTone} />
        <button type="button" onClick={() => ask(false)} aria-label={t("cancelAria", { action: ariaLabel })} className={buttonClass("secondary", "px-2 py-1")}>
          {t("cancel")}
        </button>
      </form>
    </div>
  );
}
