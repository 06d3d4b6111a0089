"use client";
import { RowLink } from "@/components/ui/RowLink";
import { useFormatter, useTranslations } from "next-intl";
import { linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import type { WhatIfResult } from "@/lib/insight/what-if";
import type { AgreementSummary } from "@/lib/insight/agreement";

/** The what-if: how many current stages would move (from → to, each row opening its clients) and agreement before and after. */
export function RulesPreview({ result }: { result: WhatIfResult }) {
  const t = useTranslations("rules");
  const format = useFormatter();
  const share = (s: AgreementSummary) => (s.total === 0 || s.exactShare === null ? t("noPairs") : t("share", { share: s.exactShare }));
  const within = (s: AgreementSummary) => (s.total === 0 || s.withinOneShare === null ? t("noPairs") : t("share", { share: s.withinOneShare }));
  const rows = [
    { key: "overrides", label: t("overrides"), v: result.overrides },
    { key: "self", label: t("self"), v: result.self },
  ] as const;
  return (
    <section aria-labelledby="rules-preview-title" className="space-y-4" data-testid="rules-preview">
      <h2 id="rules-preview-title" className="text-base font-semibold">
        {t("previewTitle")}
      </h2>
      <p role="status">{t("previewSummary", { changed: result.changed, total: result.clients })}</p>
      {result.moves.length > 0 ? (
        <div className="overflow-x-auto" role="region" aria-label={t("moves")} tabIndex={0}>
          <table className={tableClass}>
            <caption className={`mb-1 text-left text-sm ${mutedClass}`}>{t("movesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{t("from")}</th>
                <th scope="col" className={thClass}>{t("to")}</th>
                <th scope="col" className={thClass}>{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {result.moves.map((m) => (
                <tr key={`${m.from}-${m.to}`}>
                  <td className={tdClass}>{t("stage", { stage: m.from })}</td>
                  <td className={tdClass}>{t("stage", { stage: m.to })}</td>
                  <td className={tdClass}>
                    <details>
                      <summary className="cursor-pointer">{t("showClients", { count: m.count })}</summary>
                      <ul className="mt-1 space-y-0.5">
                        {m.clients.map((c) => (
                          <li key={c.id}>
                            <RowLink href={`/clients/${c.id}`} className={linkClass}>
                              {c.name}
                            </RowLink>
                          </li>
                        ))}
                        {m.count > m.clients.length ? <li className={mutedClass}>{t("more", { count: m.count - m.clients.length })}</li> : null}
                      </ul>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="overflow-x-auto" role="region" aria-label={t("agreementTitle")} tabIndex={0}>
        <table className={tableClass}>
          <caption className="mb-1 text-left">
            <span className="block text-sm font-semibold">{t("agreementTitle")}</span>
            <span className={`block text-sm ${mutedClass}`}>{t("agreementCaption")}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>{t("against")}</th>
              <th scope="col" className={thClass}>{t("pairs")}</th>
              <th scope="col" className={thClass}>{t("exactNow")}</th>
              <th scope="col" className={thClass}>{t("exactAfter")}</th>
              <th scope="col" className={thClass}>{t("withinNow")}</th>
              <th scope="col" className={thClass}>{t("withinAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${tdClass} text-left font-medium`}>{r.label}</th>
                <td className={tdClass}>{format.number(r.v.before.total)}</td>
                <td className={tdClass}>{share(r.v.before)}</td>
                <td className={tdClass}>{share(r.v.after)}</td>
                <td className={tdClass}>{within(r.v.before)}</td>
                <td className={tdClass}>{within(r.v.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
