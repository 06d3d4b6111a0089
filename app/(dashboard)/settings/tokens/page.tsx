import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getFormatter, getTranslations } from "next-intl/server";
import { listTokens } from "@/db/queries/tokens";
import { forActor, requireActor } from "@/lib/auth/actor";
import { Card, PageHeader, ScrollRegion, linkClass, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { TokenForm } from "./TokenForm";
import { revokeTokenAction } from "./actions";
import { formatInstantDay } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens"))("title") };
}
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const actor = await requireActor();
  const [t, format] = await Promise.all([getTranslations("tokens"), getFormatter()]);
  // A server component renders once per request: "now" is the request's time, not a render side effect.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const { tokens, olderInactive } = await forActor(actor, (db) => listTokens(db, actor, new Date(now)));
  // Instants, shown as days in the user's own zone.
  const day = (d: Date | null, empty: string) => (d ? <time dateTime={d.toISOString()}>{formatInstantDay(format, d)}</time> : empty);
  return (
    <section className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={t.rich("subtitle", {
          link: (chunks) => (
            <IntentLink href="/api-docs" className={linkClass}>
              {chunks}
            </IntentLink>
          ),
        })}
      />
      <Card title={t("newToken")}>
        <TokenForm />
      </Card>
      <Card title={t("yours")}>
        {tokens.length === 0 ? (
          <p className={`text-sm ${mutedClass}`}>{t("none")}</p>
        ) : (
          <ScrollRegion label={t("region")}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>{t("columns.name")}</th>
                  <th className={thClass}>{t("columns.prefix")}</th>
                  <th className={thClass}>{t("columns.created")}</th>
                  <th className={thClass}>{t("columns.expires")}</th>
                  <th className={thClass}>{t("columns.lastUsed")}</th>
                  <th className={thClass}>{t("columns.status")}</th>
                  <th className={thClass}><span className="sr-only">{t("columns.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => {
                  const status = tk.revokedAt ? "revoked" : tk.expiresAt && tk.expiresAt.getTime() <= now ? "expired" : "active";
                  return (
                    <tr key={tk.id}>
                      <td className={`${tdClass} break-words`}>{tk.name}</td>
                      <td className={tdClass}><code className="font-mono text-xs whitespace-nowrap">{tk.prefix}…</code></td>
                      <td className={`${tdClass} whitespace-nowrap`}>{day(tk.createdAt, "—")}</td>
                      <td className={`${tdClass} whitespace-nowrap`}>{day(tk.expiresAt, "—")}</td>
                      <td className={`${tdClass} whitespace-nowrap`}>{day(tk.lastUsedAt, t("never"))}</td>
                      <td className={tdClass}>{t(`status.${status}`)}</td>
                      <td className={tdClass}>
                        {status === "active" ? (
                          <ConfirmButton
                            action={revokeTokenAction}
                            fields={{ id: tk.id }}
                            label={t("revoke")}
                            ariaLabel={t("revokeAria", { name: tk.name })}
                            warning={t("revokeWarning", { name: tk.name })}
                            done={t("revoked", { name: tk.name })}
                            tone="danger"
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {olderInactive > 0 ? <p className={`mt-2 text-sm ${mutedClass}`}>{t("olderHidden", { count: olderInactive })}</p> : null}
      </Card>
    </section>
  );
}
