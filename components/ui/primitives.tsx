// Shared building blocks, so every page looks and behaves alike. Plain server-safe components.
import Link from "next/link";

type Tone = "primary" | "secondary" | "danger";
const BUTTON: Record<Tone, string> = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:opacity-60",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:opacity-60",
};

export function buttonClass(tone: Tone = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-1 rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${BUTTON[tone]} ${extra}`;
}

export const inputClass =
  "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-2 focus:outline-indigo-600 aria-[invalid=true]:border-red-600";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {subtitle ? <p className="mt-0.5 text-sm text-slate-600">{subtitle}</p> : null}
      </div>
      {actions ? <div className="no-print flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, className = "" }: { title?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title ? <h2 className="mb-2 text-base font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

/** What an empty page says, and the one thing to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      {action ? (
        <Link href={action.href} className={buttonClass("primary", "mt-4")}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

export const tableClass = "w-full border-collapse bg-white text-sm";
export const thClass = "border-b border-slate-200 p-2 text-left font-medium text-slate-600";
export const tdClass = "border-b border-slate-100 p-2 align-top";
