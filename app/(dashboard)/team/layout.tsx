import { requirePermission } from "@/lib/auth/actor";
import { ClientMessages } from "@/components/i18n/ClientMessages";

// Checked here, outside loading.tsx's Suspense boundary, so someone without the permission
// gets a real 404 before any loading state streams a 200. The page checks again.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("team.manage");
  return <ClientMessages namespaces={["team", "clients.picker"]}>{children}</ClientMessages>;
}
