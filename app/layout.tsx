import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import { Providers } from "@/components/ui/Providers";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stageline", template: "%s · Stageline" },
  description: "Where each client stands on the six stages of social media adoption, and where they are moving.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new each time, and a page
  // prerendered at build time would carry scripts without it.
  await connection();
  const locale = await getLocale();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme class is set before React hydrates (next-themes), hence suppressHydrationWarning.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <ClientMessages>
          <Providers nonce={nonce}>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
