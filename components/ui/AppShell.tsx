import { IntentLink } from "@/components/ui/IntentLink";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/ui/SignOutButton";
import { NavMenu, type NavLink } from "@/components/ui/NavMenu";
import { focusClass } from "@/components/ui/primitives";

const LINKS: { href: string; key: "portfolio" | "clients" | "import" | "team" | "audit" | "progress" | "settings"; permission: Permission }[] = [
  { href: "/portfolio", key: "portfolio", permission: "portfolio.read" },
  { href: "/clients", key: "clients", permission: "clients.list" },
  { href: "/import", key: "import", permission: "checkins.import" },
  { href: "/team", key: "team", permission: "team.manage" },
  { href: "/audit", key: "audit", permission: "audit.read" },
  { href: "/progress", key: "progress", permission: "progress.read" },
  { href: "/settings", key: "settings", permission: "account.manage" },
];

/**
 * Every signed-in page's frame: a skip link (the first thing Tab reaches), the top bar, and the
 * page in <main id="main">. Staff see their role beside their name; client users do not.
 */
export async function AppShell({ children, signOutAction }: { children: React.ReactNode; signOutAction: (form: FormData) => Promise<void> }) {
  const actor = await requireActor();
  const t = await getTranslations("nav");
  const links: NavLink[] = LINKS.filter((l) => can(actor, l.permission)).map((l) => ({ href: l.href, label: t(`links.${l.key}`) }));
  const who = (
    <>
      <span className="font-medium text-slate-800 dark:text-slate-100">{actor.name}</span>
      {actor.role === "client" ? null : <span className="text-slate-600 dark:text-slate-300"> ({t(`roles.${actor.role}`)})</span>}
    </>
  );
  return (
    <div className="min-w-0">
      <a
        href="#main"
        className="sr-only rounded bg-indigo-700 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-300"
      >
        {t("skip")}
      </a>
      <header className="no-print relative border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
          <IntentLink href="/" aria-label={t("home")} className={`shrink-0 rounded font-semibold text-indigo-800 dark:text-indigo-300 ${focusClass}`}>
            Stageline
          </IntentLink>
          <NavMenu links={links} label={t("main")} menuLabel={t("menu")} account={<p>{who}</p>} />
          <div className="ml-auto flex min-w-0 items-center gap-2 text-sm">
            <span className="hidden max-w-56 truncate lg:inline" title={actor.name}>{who}</span>
            <SignOutButton action={signOutAction} label={t("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
