import { focusClass } from "@/components/ui/primitives";

// One button that posts a few hidden fields to a server action, without JavaScript. For actions
// that need a confirmation and a toast, use ConfirmButton.
export function RowActionForm({
  action,
  fields,
  label,
  ariaLabel,
  className = "",
}: {
  action: (form: FormData) => void | Promise<void>;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  className?: string;
}) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`rounded border border-slate-300 px-2 py-1 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800 ${focusClass} ${className}`}
        aria-label={ariaLabel}
      >
        {label}
      </button>
    </form>
  );
}
