import { IntentLink } from "@/components/ui/IntentLink";
import { useTranslations } from "next-intl";

/** Previous/next links of a paged list (the client list, a portfolio drill-down): links that work without JavaScript; `href` keeps the list's search, filters and sort. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations("clients.pager");
  if (pageCount <= 1) return null;
  const link = "rounded border border-slate-300 px-3 py-1 text-indigo-700 hover:bg-slate-50 dark:border-slate-600 dark:text-indigo-300 dark:hover:bg-slate-800";
  // Not a control: the muted colour still keeps 4.5:1 (WCAG exempts disabled controls, but we don't rely on it).
  const off = "rounded border border-slate-200 px-3 py-1 text-slate-600 dark:border-slate-700 dark:text-slate-400";
  return (
    <nav aria-label={t("label")} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? <IntentLink href={href(page - 1)} rel="prev" className={link}>{t("previous")}</IntentLink> : <span className={off} aria-disabled="true">{t("previous")}</span>}
      <span className="text-slate-600 dark:text-slate-300">{t("page", { page, count: pageCount })}</span>
      {page < pageCount ? <IntentLink href={href(page + 1)} rel="next" className={link}>{t("next")}</IntentLink> : <span className={off} aria-disabled="true">{t("next")}</span>}
    </nav>
  );
}
