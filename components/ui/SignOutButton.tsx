// The action arrives from the app's layout: components import nothing from app/.
export function SignOutButton({ action }: { action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action}>
      <button type="submit" className="rounded px-3 py-1 text-sm text-slate-700 hover:bg-slate-100">Sign out</button>
    </form>
  );
}
