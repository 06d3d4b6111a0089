import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/ui/SignOutButton";

export async function AppShell({ children, signOutAction }: { children: React.ReactNode; signOutAction: (form: FormData) => Promise<void> }) {
  const actor = await requireActor();
  const links = [
    can(actor, "portfolio.read") && { href: "/portfolio", label: "Portfolio" },
    can(actor, "clients.list") && { href: "/clients", label: "Clients" },
    can(actor, "checkins.import") && { href: "/import", label: "Import" },
    can(actor, "team.manage") && { href: "/team", label: "Team" },
    can(actor, "audit.read") && { href: "/audit", label: "Audit" },
    can(actor, "progress.read") && { href: "/progress", label: "My progress" },
    can(actor, "account.manage") && { href: "/settings", label: "Settings" },
  ].filter(Boolean) as { href: string; label: string }[];
  return (
    <div>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-indigo-800">Stageline</Link>
          <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((l) => (
              <Link key={l.href} href={l.href} className="text-slate-700 hover:text-indigo-700">{l.label}</Link>
            ))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span>{actor.name} <span className="text-slate-400">({actor.role})</span></span>
            <SignOutButton action={signOutAction} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
