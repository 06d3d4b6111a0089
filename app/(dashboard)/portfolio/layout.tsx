import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { SubNav } from "@/components/ui/SubNav";
import { ClientMessages } from "@/components/i18n/ClientMessages";

// Checked here, outside loading.tsx's Suspense boundary, so someone without the permission
// gets a real 404 before any loading state streams a 200. Each page and query checks again.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission("portfolio.read");
  const t = await getTranslations("nav.insight");
  const links = [
    { href: "/portfolio", label: t("overview") },
    { href: "/portfolio/cohorts", label: t("cohorts") },
    { href: "/portfolio/agreement", label: t("agreement") },
    ...(can(actor, "rules.manage") ? [{ href: "/portfolio/rules", label: t("rules") }] : []),
  ];
  return (
    <>
      <SubNav links={links} label={t("label")} />
      <ClientMessages namespaces={["survival", "cohorts", "rules", "charts", "client"]}>{children}</ClientMessages>
    </>
  );
}
