import { AppShell } from "@/components/ui/AppShell";

export default function ClientAreaLayout({ children }: { children: React.ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
