import { focusClass } from "@/components/ui/primitives";

// The action arrives from the app's layout: components import nothing from app/.
export function SignOutButton({ action, label }: { action: (form: FormData) => Promise<void>; label: string }) {
  return (
    <form action={action}>
      <button type="submit" className={`rounded px-3 py-1 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 ${focusClass}`}>
        {label}
      </button>
    </form>
  );
}
