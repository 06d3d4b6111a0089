import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { fieldsOf } from "@/db/queries/checkins";
import { prefillFrom, valuesFromFields } from "@/lib/validation/checkin-form";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { PageHeader } from "@/components/ui/primitives";
import { createCheckInAction } from "../../actions";
import { loadClientForCheckIn } from "../load";
import { todayFor } from "@/lib/time/zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("client.checkins");
  return { title: t("newTitle") };
}

export default async function NewCheckInPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { actor, client, previous } = await loadClientForCheckIn(clientId);
  const t = await getTranslations("client");
  const today = todayFor(actor);
  const prevFields = previous ? fieldsOf(previous) : null;
  return (
    <section className="max-w-3xl min-w-0">
      <p className="mb-2 text-sm"><IntentLink href={`/clients/${clientId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">← {t("backTo", { name: client.name })}</IntentLink></p>
      <PageHeader title={t("checkins.newTitle")} subtitle={client.name} />
      <ClientMessages namespaces={["checkin"]}>
      <CheckInForm
        action={createCheckInAction}
        mode="create"
        // One key per render of the form: a double click or a resubmission reuses it, and the
        // unique index turns the second insert into "already saved".
        idempotencyKey={randomUUID()}
        clientId={clientId}
        initial={prefillFrom(prevFields, today)}
        previous={prevFields ? valuesFromFields(prevFields) : null}
        previousDate={previous?.date ?? null}
        cancelHref={`/clients/${clientId}`}
        today={today}
      />
      </ClientMessages>
    </section>
  );
}
