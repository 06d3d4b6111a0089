"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { errorTextClass, inputClass } from "@/components/ui/primitives";

/** A client as the suggestions know it (from GET /api/v1/clients). */
export interface SuggestedClient {
  id: string;
  name: string;
  consultantId: string | null;
  consultantName: string | null;
}

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 200;

/**
 * A client picked by its name, for forms of a firm with any number of clients: a text field whose
 * suggestions (the browser's own list, a datalist) come from the API as the user types, instead
 * of a select holding every client. A name is unique within a firm, so the form sends the name and
 * the server finds the client. Without JavaScript it is a text field for the exact name.
 * `onPick` gets the client whose name the field holds (any case, as the server matches it), or
 * null while the text is being matched or matches no client.
 */
export function ClientNameField({
  id,
  name,
  label,
  error,
  className,
  defaultValue = "",
  disabled,
  onPick,
}: {
  id: string;
  name: string;
  label: string;
  /** The field's error, worded; null or absent when there is none. */
  error?: string | null;
  className?: string;
  defaultValue?: string;
  disabled?: boolean;
  onPick?: (client: SuggestedClient | null) => void;
}) {
  const t = useTranslations("clients.picker");
  const [text, setText] = useState(defaultValue);
  const [options, setOptions] = useState<SuggestedClient[]>([]);
  // The latest onPick, for the answers that arrive after a render.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const q = text.trim();
    if (q === "" || disabled) return;
    const abort = new AbortController();
    const get = async (query: string, limit: number): Promise<SuggestedClient[]> => {
      const res = await fetch(`/api/v1/clients?${query}=${encodeURIComponent(q)}&limit=${limit}`, { signal: abort.signal, headers: { accept: "application/json" } });
      if (!res.ok) return [];
      const body = (await res.json()) as { data: SuggestedClient[] };
      return body.data.map((c) => ({ id: c.id, name: c.name, consultantId: c.consultantId, consultantName: c.consultantName }));
    };
    const timer = setTimeout(async () => {
      try {
        // The client with exactly this name (as the server matches names, so the form's answer
        // and the server's agree), first, then those whose name holds the text.
        const [exact, part] = await Promise.all([get("name", 1), get("q", SUGGESTIONS)]);
        setOptions([...exact, ...part.filter((c) => c.id !== exact[0]?.id)]);
        // A newer keystroke aborts this answer, so the field still holds `q`.
        pick.current?.(exact[0] ?? null);
      } catch {
        // Aborted by the next keystroke, or offline: the field still takes a typed name.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, disabled]);

  return (
    <div className={className}>
      <label htmlFor={id} className="block">{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        list={`${id}-suggestions`}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // Nothing is picked until the server has matched the new text.
          pick.current?.(null);
        }}
        disabled={disabled}
        maxLength={200}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      <datalist id={`${id}-suggestions`}>
        {options.map((c) => (
          <option key={c.id} value={c.name}>{c.consultantName ?? t("unassigned")}</option>
        ))}
      </datalist>
      <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-600 dark:text-slate-300">{t("hint")}</span>
      {error ? <span id={`${id}-error`} className={`block ${errorTextClass}`}>{error}</span> : null}
    </div>
  );
}
