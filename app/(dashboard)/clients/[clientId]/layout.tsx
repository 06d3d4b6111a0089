import { notFound } from "next/navigation";
import { loadClientPage } from "./load";
import { ClientMessages } from "@/components/i18n/ClientMessages";

// A client the actor may not see is a real 404, decided here before loading.tsx streams. The
// client page's data is loaded here for that (load.ts), so that page arrives with the first paint.
export default async function ClientLayout({ children, params }: { children: React.ReactNode; params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  if (!(await loadClientPage(clientId))) notFound();
  return <ClientMessages namespaces={["client", "charts"]}>{children}</ClientMessages>;
}
