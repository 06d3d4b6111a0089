import { useFormatter, useTranslations } from "next-intl";
import { mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { DEFAULT_SETTINGS, SETTING_KEYS, type StageSettings } from "@/lib/stages/settings";

export interface RulesVersionView {
  version: number;
  settings: StageSettings;
  createdAt: string;
  createdBy: string | null;
}

/** The firm's saved rule versions, newest first: who saved which settings, and when. */
export function RulesHistory({ versions, appliedVersion, timeZone }: { versions: RulesVersionView[]; appliedVersion: number; timeZone: string }) {
  const t = useTranslations("rules");
  const format = useFormatter();
  if (versions.length === 0) return <p className={`text-sm ${mutedClass}`}>{t("historyEmpty")}</p>;
  const describe = (s: StageSettings) => {
    const changed = SETTING_KEYS.filter((k) => s[k] !== DEFAULT_SETTINGS[k]);
    if (changed.length === 0) return t("sameAsDefaults");
    return changed.map((k) => t("settingValue", { label: t(`fields.${k}.label`), value: s[k] })).join("; ");
  };
  return (
    <div className="overflow-x-auto" role="region" aria-label={t("historyTitle")} tabIndex={0}>
      <table className={tableClass}>
        <caption className={`mb-1 text-left text-sm ${mutedClass}`}>{t("historyCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>{t("version")}</th>
            <th scope="col" className={thClass}>{t("who")}</th>
            <th scope="col" className={thClass}>{t("when")}</th>
            <th scope="col" className={thClass}>{t("settings")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td className={tdClass}>
                {format.number(v.version)}
                {v.version === appliedVersion ? <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50">{t("inUse")}</span> : null}
              </td>
              <td className={tdClass}>{v.createdBy ?? t("unknownUser")}</td>
              <td className={tdClass}>{format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone })}</td>
              <td className={tdClass}>{describe(v.settings)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
