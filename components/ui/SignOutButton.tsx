import { signOutAction } from "@/app/(auth)/sign-in/actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-3 py-1 text-sm text-slate-700 hover:bg-slate-100">Sign out</button>
    </form>
  );
}
