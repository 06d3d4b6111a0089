import type { Messages } from "@/messages/en";
import type { Locale } from "@/lib/i18n/locales";

// Typed messages and locales: a key that does not exist in English is a type error.
declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
    Locale: Locale;
  }
}
