// The app's languages. URLs are the same in every language: the language comes from the user's
// setting, else (signed out) the language switch's cookie, else the browser's Accept-Language.

export const LOCALES = ["en", "bn"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Set by the signed-out pages' language switch. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's own name, for the switch and the settings form. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", bn: "বাংলা" };

/** The BCP 47 tag for Intl: Bengali as written in Bangladesh, with Bengali digits. */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", bn: "bn-BD" };

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** The best of our languages for an Accept-Language header (`bn-BD,bn;q=0.9,en;q=0.8`), by q-value. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: (tag ?? "").trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return DEFAULT_LOCALE;
}

/** The user's setting, else the cookie, else the header. */
export function resolveLocale(setting: string | null | undefined, cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(setting)) return setting;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage);
}
