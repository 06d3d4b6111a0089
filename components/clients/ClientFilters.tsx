import { IntentLink } from "@/components/ui/IntentLink";
import { useTranslations } from "next-intl";
import type { ClientListQuery } from "@/lib/clients/list-types";
import { buttonClass, inputClass } from "@/components/ui/primitives";
import { LIST_FLAGS, useFlagLabels } from "./labels";

const STAGES = [1, 2, 3, 4, 5, 6] as const;
const label = "block text-sm font-medium text-slate-800 dark:text-slate-100";

/** A plain GET form: works without JavaScript, and the URL keeps the state. Wraps on a phone. */
export function ClientFilters({ query }: { query: ClientListQuery }) {
  const t = useTranslations("clients.filters");
  const tc = useTranslations("client");
  const flagLabels = useFlagLabels();
  return (
    <form method="get" action="/clients" role="search" aria-label={t("label")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="w-full min-w-0 sm:w-auto sm:min-w-48 sm:flex-1">
        <label htmlFor="q" className={label}>{t("search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={inputClass} />
      </div>
      <div className="w-full min-w-0 sm:w-auto">
        <label htmlFor="stage" className={label}>{t("stage")}</label>
        <select id="stage" name="stage" defaultValue={query.stage === undefined ? "" : String(query.stage)} className={`${inputClass} sm:max-w-xs`}>
          <option value="">{t("anyStage")}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>{tc("stageLabel", { stage: s, name: tc(`stages.${s}.name`) })}</option>
          ))}
          <option value="none">{t("noStage")}</option>
        </select>
      </div>
      <div className="w-full min-w-0 sm:w-auto">
        <label htmlFor="flag" className={label}>{t("flag")}</label>
        <select id="flag" name="flag" defaultValue={query.flag ?? ""} className={`${inputClass} sm:max-w-xs`}>
          <option value="">{t("anyFlag")}</option>
          {LIST_FLAGS.map((f) => (
            <option key={f} value={f}>{flagLabels[f]}</option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 pb-1.5">
        <input id="archived" name="archived" type="checkbox" value="1" defaultChecked={query.archived} className="h-4 w-4" />
        <label htmlFor="archived" className="text-sm font-medium">{t("archived")}</label>
      </div>
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir === "desc" ? <input type="hidden" name="dir" value="desc" /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>{t("apply")}</button>
        <IntentLink href="/clients" className={buttonClass("secondary")}>{t("clear")}</IntentLink>
      </div>
    </form>
  );
}
