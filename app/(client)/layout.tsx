import { AppShell } from "@/components/ui/AppShell";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { requirePermission } from "@/lib/auth/actor";

export default async function ClientAreaLayout({ children }: { children: React.ReactNode }) {
  // Every page of this group is a client user's own. Checking here, outside loading.tsx's
  // Suspense boundary, keeps the answer a real 404 for anyone else (the pages check again).
  await requirePermission("progress.read");
  return <AppShell signOutAction={signOutAction}>{children}</AppShell>;
}
