import { AppShell } from "@/components/ui/AppShell";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { loadProgress } from "./progress/load";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default async function ClientAreaLayout({ children }: { children: React.ReactNode }) {
  // Every page of this group is a client user's own. Checking here, outside loading.tsx's
  // Suspense boundary, keeps the answer a real 404 for anyone else (the pages check again).
  // Loading the progress page's data here too (cached for the request, see load.ts) lets it reach
  // the browser with the first paint instead of behind the loading state.
  await loadProgress();
  return (
    <AppShell signOutAction={signOutAction}>
      <ClientMessages namespaces={["progress"]}>{children}</ClientMessages>
    </AppShell>
  );
}
