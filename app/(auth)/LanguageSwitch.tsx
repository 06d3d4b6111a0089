import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLanguageAction } from "./language";

/** For pages without a signed-in user: one button per other language. Works without JavaScript. */
export async function LanguageSwitch({ back }: { back: string }) {
  const t = await getTranslations("auth.language");
  const current = await getLocale();
  return (
    <nav aria-label={t("label")} className="mt-6 flex justify-center gap-3 text-sm">
      {LOCALES.filter((l) => l !== current).map((l) => (
        <form key={l} action={setLanguageAction}>
          <input type="hidden" name="locale" value={l} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" lang={l} className="rounded px-2 py-1 text-indigo-700 underline hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800" aria-label={t("switchTo", { language: LOCALE_NAMES[l] })}>
            {LOCALE_NAMES[l]}
          </button>
        </form>
      ))}
    </nav>
  );
}
