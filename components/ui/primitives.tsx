// Shared building blocks, so every page looks and behaves alike. Plain server-safe components.
// Every colour pair here is at least 4.5:1 in the light theme and in the dark one (class `dark`
// on <html>, set by next-themes).
import { IntentLink } from "@/components/ui/IntentLink";

type Tone = "primary" | "secondary" | "danger";
const BUTTON: Record<Tone, string> = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:opacity-60 dark:hover:bg-indigo-600",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60 dark:hover:bg-red-600",
};

/** The ring every focusable control shows when reached by keyboard. */
export const focusClass = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300";

export function buttonClass(tone: Tone = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-1 rounded px-3 py-1.5 text-sm font-medium ${focusClass} ${BUTTON[tone]} ${extra}`;
}

export const inputClass =
  "mt-1 block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 focus:outline-2 focus:outline-indigo-600 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:focus:outline-indigo-300 dark:aria-[invalid=true]:border-red-400";

/**
 * A link inside running text: the component class `sl-link` in app/globals.css (underlined
 * indigo, darker on hover, the focus ring). A class name, not its dozen utilities, because a
 * portfolio page carries hundreds of links and each repeated the whole list in its HTML and again
 * in its React payload.
 */
export const linkClass = "sl-link";

/** Secondary text beside the body text: hints, subtitles, empty lists. */
export const mutedClass = "text-slate-600 dark:text-slate-400";

/** The text of a field's error, linked to its field with aria-describedby. */
export const errorTextClass = "text-xs text-red-700 dark:text-red-300";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold break-words">{title}</h1>
        {subtitle ? <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
      </div>
      {actions ? <div className="no-print flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, className = "" }: { title?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:shadow-none ${className}`}>
      {title ? <h2 className="mb-2 text-base font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

/** What an empty page says, and the one thing to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center dark:border-slate-600 dark:bg-slate-900">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
      {action ? (
        <IntentLink href={action.href} className={buttonClass("primary", "mt-4")}>
          {action.label}
        </IntentLink>
      ) : null}
    </div>
  );
}

/**
 * A wide table's frame on a phone: it scrolls sideways inside this labelled, focusable region
 * (so a keyboard can scroll it too), and the page itself never does.
 */
export function ScrollRegion({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative max-w-full overflow-x-auto rounded ${focusClass} ${className}`}>
      {children}
    </div>
  );
}

export const tableClass = "w-full border-collapse bg-white text-sm dark:bg-slate-900";
/** Table cells: component classes in app/globals.css, as a table of hundreds of rows repeats them. */
export const thClass = "sl-th";
export const tdClass = "sl-td";
