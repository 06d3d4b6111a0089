import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick-messages";

// The messages a client component can read come from the nearest of these providers, and they go
// to the browser inside the page's HTML. Sending the whole catalogue (about 50 KB, more in Bengali)
// with every page made it the largest part of /progress's page data, so each route hands its client
// components only the namespaces they use, plus the few every page's shell uses.
// lib/i18n/client-messages.test.ts checks every route against the client components it reaches.
export const SHELL_NAMESPACES = ["states", "settings.theme"] as const;

export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...SHELL_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
