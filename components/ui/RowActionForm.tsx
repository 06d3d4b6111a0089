// One button that posts a few hidden fields to a server action: the row actions of the client
// list (archive) and the team (deactivate). Works without JavaScript.
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
      <button type="submit" className={`rounded border border-slate-300 px-2 py-1 hover:bg-slate-50 ${className}`} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
