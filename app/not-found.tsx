import { IntentLink } from "@/components/ui/IntentLink";
import { getTranslations } from "next-intl/server";
import { linkClass } from "@/components/ui/primitives";

export default async function NotFound() {
  const t = await getTranslations("states.notFound");
  return (
    <main id="main" className="mx-auto max-w-lg p-10 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("body")}</p>
      <IntentLink href="/" className={`mt-6 inline-block ${linkClass}`}>{t("home")}</IntentLink>
    </main>
  );
}
