import { AppShell } from "@/components/ui/AppShell";
import { signOutAction } from "@/app/(auth)/sign-in/actions";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return <AppShell signOutAction={signOutAction}>{children}</AppShell>;
}
