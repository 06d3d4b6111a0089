import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/i18n/format";
import { buttonClass, Card, PageHeader } from "@/components/ui/primitives";
import { deleteCheckInAction } from "../../../actions";
import { loadCheckIn } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("client.checkins");
  return { title: t("deleteMeta") };
}

export default async function DeleteCheckInPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string; checkInId: string }>;
  searchParams: Promise<{ stale?: string }>;
}) {
  const { clientId, checkInId } = await params;
  const { stale } = await searchParams;
  const { client, checkIn } = await loadCheckIn(clientId, checkInId);
  const [t, tc, format] = await Promise.all([getTranslations("client"), getTranslations("checkin"), getFormatter()]);
  const dt = "text-slate-600 dark:text-slate-300";
  return (
    <section className="max-w-xl min-w-0">
      <p className="mb-2 text-sm"><IntentLink href={`/clients/${clientId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">← {t("backTo", { name: client.name })}</IntentLink></p>
      <PageHeader title={t("checkins.deleteTitle", { date: formatDay(format, checkIn.date) })} subtitle={client.name} />
      {stale ? <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100">{t("checkins.deleteStale")}</p> : null}
      <Card className="dark:border-slate-700 dark:bg-slate-900">
        <dl className="grid grid-cols-2 gap-1 text-sm">
          <dt className={dt}>{t("history.posts")}</dt><dd>{format.number(checkIn.postsLast30d)}</dd>
          <dt className={dt}>{t("history.automated")}</dt><dd>{t("history.percent", { share: checkIn.automatedShare })}</dd>
          <dt className={dt}>{t("history.rhythm")}</dt><dd>{t(`rhythmShort.${checkIn.rhythm}`)}</dd>
          <dt className={dt}>{t("history.replies")}</dt><dd>{tc(`options.replies.${checkIn.replies}`)}</dd>
          <dt className={dt}>{t("history.results")}</dt><dd>{tc(`options.results.${checkIn.results}`)}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-200">{t("checkins.deleteBody")}</p>
        <form action={deleteCheckInAction} className="mt-4 flex flex-wrap gap-3">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="checkInId" value={checkIn.id} />
          <input type="hidden" name="version" value={checkIn.version} />
          <button type="submit" className={buttonClass("danger")}>{t("checkins.deleteConfirm")}</button>
          <IntentLink href={`/clients/${clientId}`} className={buttonClass("secondary")}>{t("checkins.cancel")}</IntentLink>
        </form>
      </Card>
    </section>
  );
}
