import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { getClient } from "@/db/queries/clients";
import { fieldsOf, latestCheckIn } from "@/db/queries/checkins";
import { requirePermission } from "@/lib/auth/actor";
import { isoDay } from "@/lib/checkin-format";
import { prefillFrom, valuesFromFields } from "@/lib/validation/checkin-form";
import { CheckInForm } from "@/components/checkin/CheckInForm";
import { PageHeader } from "@/components/ui/primitives";
import { CLIENT_TEXT as T } from "@/components/checkin/client-page-text";
import { createCheckInAction } from "../../actions";

export const metadata: Metadata = { title: "Log a check-in" };

export default async function NewCheckInPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const actor = await requirePermission("checkins.write");
  const db = await getDb();
  const client = await getClient(db, actor, clientId);
  if (!client) notFound();
  const previous = await latestCheckIn(db, actor, clientId);
  const today = isoDay();
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
