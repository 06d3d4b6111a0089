"use client";
import { ThemeProvider } from "next-themes";
import { Toaster } from "sonner";

/**
 * What every page shares on the client: the theme (light, dark, or the system's, kept by
 * next-themes as a class on <html>) and the toasts that confirm an action.
 */
export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
      <Toaster position="bottom-center" richColors closeButton />
    </ThemeProvider>
  );
}
