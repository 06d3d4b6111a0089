import type { Metadata } from "next";
import Link from "next/link";
import { fieldsOf } from "@/db/queries/checkins";
import { valuesFromFields } from "@/lib/validation/checkin-form";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { PageHeader } from "@/components/ui/primitives";
import { CLIENT_TEXT as T } from "@/components/checkin/client-page-text";
import { updateCheckInAction } from "../../../actions";
import { todayFor } from "@/lib/time/zone";
import { loadCheckIn } from "../../load";

export const metadata: Metadata = { title: "Edit check-in" };

export default async function EditCheckInPage({ params }: { params: Promise<{ clientId: string; checkInId: string }> }) {
  const { clientId, checkInId } = await params;
  const { actor, client, checkIn } = await loadCheckIn(clientId, checkInId);
  const values = valuesFromFields(fieldsOf(checkIn), checkIn.notesInternal);
  const self = `/clients/${clientId}/checkins/${checkInId}/edit`;
  return (
    <section className="max-w-3xl">
      <p className="mb-2 text-sm"><Link href={`/clients/${clientId}`} className="text-indigo-700 hover:underline">← {T.backTo(client.name)}</Link></p>
      <PageHeader title={T.editTitle(checkIn.date)} subtitle={client.name} />
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
