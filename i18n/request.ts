import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getActor } from "@/lib/auth/actor";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time/zone";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";

// next-intl's configuration for each request: the language (the user's setting, else the
// signed-out switch's cookie, else Accept-Language) and the time zone (the user's, else the
// firm's, else UTC), so every date and time on the page is in the user's zone.
export default getRequestConfig(async () => {
  const actor = await getActor().catch(() => null);
  const locale = resolveLocale(actor?.locale, (await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: locale === "bn" ? bn : en,
    timeZone: actor?.timeZone ?? DEFAULT_TIME_ZONE,
    // No global `formats`: use-intl merges them into every message it formats and keys its
    // format cache on the result, which made each t() with values about 3x slower (27 µs
    // against 9) and pages word hundreds of rows. Dates take their options from lib/i18n/format.ts.
  };
});
