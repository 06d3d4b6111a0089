import { AppShell } from "@/components/ui/AppShell";
import { signOutAction } from "@/app/(auth)/sign-in/actions";

export default function ClientAreaLayout({ children }: { children: React.ReactNode }) {
  return <AppShell signOutAction={signOutAction}>{children}</AppShell>;
}
