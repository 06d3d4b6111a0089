import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getFormatter, getTranslations } from "next-intl/server";
import { fieldsOf } from "@/db/queries/checkins";
import { valuesFromFields } from "@/lib/validation/checkin-form";
import { formatDay } from "@/lib/i18n/format";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { PageHeader } from "@/components/ui/primitives";
import { updateCheckInAction } from "../../../actions";
import { todayFor } from "@/lib/time/zone";
import { loadCheckIn } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("client.checkins");
  return { title: t("editMeta") };
}

export default async function EditCheckInPage({ params }: { params: Promise<{ clientId: string; checkInId: string }> }) {
  const { clientId, checkInId } = await params;
  const { actor, client, checkIn } = await loadCheckIn(clientId, checkInId);
  const [t, format] = await Promise.all([getTranslations("client"), getFormatter()]);
  const values = valuesFromFields(fieldsOf(checkIn), checkIn.notesInternal);
  const self = `/clients/${clientId}/checkins/${checkInId}/edit`;
  return (
    <section className="max-w-3xl min-w-0">
      <p className="mb-2 text-sm"><IntentLink href={`/clients/${clientId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">← {t("backTo", { name: client.name })}</IntentLink></p>
      <PageHeader title={t("checkins.editTitle", { date: formatDay(format, checkIn.date) })} subtitle={client.name} />
      <CheckInForm
        action={updateCheckInAction}
        // A new version (after a reload) gets a fresh form.
        key={checkIn.version}
        mode="edit"
        checkInId={checkIn.id}
        version={checkIn.version}
        reloadHref={self}
        clientId={clientId}
        initial={values}
        previous={values}
        previousDate={null}
        cancelHref={`/clients/${clientId}`}
        today={todayFor(actor)}
      />
    </section>
  );
}
