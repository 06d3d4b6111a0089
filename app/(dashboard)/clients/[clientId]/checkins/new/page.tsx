import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { fieldsOf } from "@/db/queries/checkins";
import { prefillFrom, valuesFromFields } from "@/lib/validation/checkin-form";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { PageHeader } from "@/components/ui/primitives";
import { CLIENT_TEXT as T } from "@/components/checkin/client-page-text";
import { createCheckInAction } from "../../actions";
import { loadClientForCheckIn } from "../load";
import { todayFor } from "@/lib/time/zone";

export const metadata: Metadata = { title: "Log a check-in" };

export default async function NewCheckInPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { actor, client, previous } = await loadClientForCheckIn(clientId);
  const today = todayFor(actor);
  const prevFields = previous ? fieldsOf(previous) : null;
  return (
    <section className="max-w-3xl">
      <p className="mb-2 text-sm"><Link href={`/clients/${clientId}`} className="text-indigo-700 hover:underline">← {T.backTo(client.name)}</Link></p>
      <PageHeader title={T.newTitle} subtitle={client.name} />
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
    </section>
  );
}
